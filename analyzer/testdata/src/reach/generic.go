package reach

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

var errNotMatched = errors.New("not matched")

// A generic wrapper that checks the count only when its caller asks: a
// call that passes false drops the outcome of a conditional write.
func UpdateDoc[T any](ctx context.Context, c *mongo.Collection, filter, update any, mustMatch bool) error { // want UpdateDoc:`wrapper UpdateOne filter \$2 update \$3 result read if \$4`
	res, err := c.UpdateOne(ctx, filter, update)
	if err != nil {
		return err
	}
	if mustMatch && res.MatchedCount == 0 {
		return errNotMatched
	}
	return nil
}

type job struct{}

func claimLoose(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	return UpdateDoc[job](ctx, c, bson.M{"_id": id, "state": "new"}, bson.M{"$set": bson.M{"state": "taken"}}, false) // want `UpdateDoc \(UpdateOne\) is conditional on "state" but UpdateDoc reads the result of UpdateOne only when its parameter mustMatch is true, and this call passes false`
}

func claimStrict(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	return UpdateDoc[job](ctx, c, bson.M{"_id": id, "state": "new"}, bson.M{"$set": bson.M{"state": "taken"}}, true)
}

func claimAsked(ctx context.Context, c *mongo.Collection, id bson.ObjectID, strict bool) error {
	return UpdateDoc[job](ctx, c, bson.M{"_id": id, "state": "new"}, bson.M{"$set": bson.M{"state": "taken"}}, strict)
}

// The same flag as an early return.
func ReplaceDoc(ctx context.Context, c *mongo.Collection, filter, doc any, check bool) error { // want ReplaceDoc:`wrapper ReplaceOne filter \$2 update \$3 result read if \$4`
	res, err := c.ReplaceOne(ctx, filter, doc)
	if err != nil || !check {
		return err
	}
	if res.ModifiedCount == 0 {
		return errNotMatched
	}
	return nil
}

func bump(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string, v int64) error {
	return ReplaceDoc(ctx, c, bson.M{"_id": id, "version": v}, bson.M{"name": name, "version": v + 1}, false) // want `ReplaceDoc \(ReplaceOne\) is conditional on "version" but ReplaceDoc reads the result of ReplaceOne only when its parameter check is true, and this call passes false`
}

// A flag that gates the write itself gates no look at its result.
func SaveIf(ctx context.Context, c *mongo.Collection, filter, update any, apply bool) error { // want SaveIf:`wrapper UpdateOne filter \$2 update \$3$`
	if !apply {
		return nil
	}
	res, err := c.UpdateOne(ctx, filter, update)
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errNotMatched
	}
	return nil
}

func saveSkipped(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	return SaveIf(ctx, c, bson.M{"_id": id, "state": "new"}, bson.M{"$set": bson.M{"state": "taken"}}, false)
}
