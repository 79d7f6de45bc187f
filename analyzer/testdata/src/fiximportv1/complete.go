package fiximportv1

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

var ErrNotRunning = errors.New("not running")

// The dead check is the file's only use of the mongo package name (the
// collection's type is a field of Worker, declared in another file): the
// fix removes the import with the check.
func (w *Worker) Complete(ctx context.Context, id primitive.ObjectID) error {
	res, err := w.tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "RUNNING"}, bson.M{"$set": bson.M{"status": "DONE"}})
	if errors.Is(err, mongo.ErrNoDocuments) { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return ErrNotRunning
	}
	if err != nil {
		return fmt.Errorf("complete %s: %w", id.Hex(), err)
	}
	_ = res.UpsertedID
	return nil
}
