package fixcheck

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Task struct {
	ID     bson.ObjectID `bson:"_id"`
	Status string        `bson:"status"`
}

func claimDiscarded(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (int, error) {
	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `its result is discarded`
	return 1, nil
}

func claimBlank(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) error {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `its result is discarded`
	if err != nil {
		return err
	}
	return nil
}

func claimUnread(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (*Task, error) {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `res.MatchedCount and res.ModifiedCount are never read`
	_ = res.UpsertedID
	return &Task{ID: id}, err
}

func next(ctx context.Context, tasks *mongo.Collection) (Task, error) {
	var t Task
	tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}).Decode(&t) // want `the error of Decode is dropped`
	_ = tasks.FindOneAndUpdate(ctx, bson.M{"status": "RUNNING"}, bson.M{"$set": bson.M{"status": "DONE"}})           // want `its result is dropped`
	return t, nil
}

// No fix: the function cannot return an error.
func nextNoError(ctx context.Context, tasks *mongo.Collection) {
	tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `its result is dropped`
}

// A guarded upsert that loses the race fails with a duplicate-key error,
// which this code returns: nothing to report, and no MatchedCount check
// (an upsert matches nothing and succeeds by inserting).
func lockUpsert(ctx context.Context, locks *mongo.Collection, id string) error {
	_, err := locks.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, options.UpdateOne().SetUpsert(true))
	return err
}
