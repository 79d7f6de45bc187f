package fixshared

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Task struct {
	ID bson.ObjectID `bson:"_id"`
}

// unchecked-result and dead-no-documents-check both bind the result the
// code drops, under one name, so that their fixes apply together.
func claim(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (*Task, error) {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	if err != nil {
		return nil, err
	}
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return nil, nil
	}
	res := &Task{ID: id}
	return res, nil
}
