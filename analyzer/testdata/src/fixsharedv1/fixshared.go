package fixsharedv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

var ErrNotFound = errors.New("not found")

type Task struct {
	ID primitive.ObjectID `bson:"_id"`
}

// One problem, one finding: the unchecked conditional update and its dead
// ErrNoDocuments check are reported once, by dead-no-documents-check,
// whose fix turns the dead check into the outcome check and keeps the
// code's own branch.
func claim(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID) (*Task, error) {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})
	if err != nil {
		return nil, err
	}
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return nil, nil
	}
	res := &Task{ID: id}
	return res, nil
}

func finish(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID) error {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "RUNNING"}, bson.M{"$set": bson.M{"status": "DONE"}})
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return ErrNotFound
	}
	return err
}

// A dead check without a fix (a case of a switch) leaves the result check
// to unchecked-result.
func hold(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID) error {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "RUNNING"}, bson.M{"$set": bson.M{"status": "HELD"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	switch err {
	case mongo.ErrNoDocuments: // want `this case never runs`
		return ErrNotFound
	}
	return err
}
