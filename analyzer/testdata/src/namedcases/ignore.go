package namedcases

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Task struct {
	ID     bson.ObjectID `bson:"_id"`
	Status string        `bson:"status"`
	Owner  string        `bson:"owner"`
}

// Issue 2: "//mongocas:ignore <rule> <reason> on the call's line or the
// line above silences that rule there". unchecked-result named: its
// findings go, and only those.
func ignoreUnchecked(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) error {
	//mongocas:ignore unchecked-result the sweeper retries; a lost claim is harmless
	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})

	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "RUNNING"}, bson.M{"$set": bson.M{"status": "DONE"}}) //mongocas:ignore unchecked-result idempotent

	//mongocas:ignore unchecked-result whoever wins, the task is stale
	tasks.FindOneAndUpdate(ctx, bson.M{"_id": id, "status": "RUNNING"},
		bson.M{"$set": bson.M{"status": "STALE"}})

	//mongocas:ignore unchecked-result the other rules still report
	tasks.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"status": "DONE"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`

	//mongocas:ignore unchecked-result not the dead check below
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "DONE"}, bson.M{"$set": bson.M{"status": "ARCHIVED"}})
	if err == mongo.ErrNoDocuments { // want `^UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`
		return nil
	}
	return err
}

func ignoreUncheckedNotStale(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) error {
	var t Task
	if err := tasks.FindOne(ctx, bson.M{"_id": id}).Decode(&t); err != nil {
		return err
	}
	old := t.Status
	t.Status = "DONE"
	//mongocas:ignore unchecked-result stale-write-back still reports
	_, err := tasks.ReplaceOne(ctx, bson.M{"_id": t.ID, "status": old}, t) // want `^ReplaceOne writes back the whole document t read by FindOne, but its filter checks only "status"`
	return err
}

// Another rule named does not silence unchecked-result.
func ignoreOtherRule(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) {
	//mongocas:ignore unguarded-update this write is guarded anyway
	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `^UpdateOne is conditional on "status" but its result is discarded`
}
