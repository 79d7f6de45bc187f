package uncheckedv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func claim(ctx context.Context, c *mongo.Collection, id interface{}) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	if err != nil {
		return err
	}
	c.ReplaceOne(ctx, bson.D{{"_id", id}, {"rev", 3}}, bson.D{{"rev", 4}}) // want `ReplaceOne is conditional on "rev"`
	var doc bson.M
	c.FindOneAndUpdate(ctx, bson.M{"lock": nil}, bson.M{"$set": bson.M{"lock": "me"}}).Decode(&doc) // want `FindOneAndUpdate is conditional on "lock"`
	res, err := c.UpdateByID(ctx, id, bson.M{"$set": bson.M{"n": 1}})
	_ = res
	return err
}

// UpdateMany is a batch: its count is not a compare-and-swap outcome.
func expireDue(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "EXPIRED"}})
	return err
}

// Neither _ = res nor res != nil looks at the outcome.
func notALook(ctx context.Context, c *mongo.Collection, id interface{}) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `res.MatchedCount and res.ModifiedCount are never read`
	_ = res
	if err != nil {
		return false, err
	}
	res2, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "RUNNING"}, bson.M{"$set": bson.M{"status": "DONE"}}) // want `res2.MatchedCount and res2.ModifiedCount are never read`
	return res2 != nil, err
}

// A guarded upsert whose error is checked: a lost race is a duplicate key.
func lockUpsert(ctx context.Context, c *mongo.Collection, id string) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, options.Update().SetUpsert(true))
	return err
}

// The options struct, its Upsert field set by statements.
func lockUpsertStruct(ctx context.Context, c *mongo.Collection, id string) error {
	opts := options.UpdateOptions{}
	opts.Upsert = new(bool)
	*opts.Upsert = true
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, &opts)
	return err
}

// An options struct that leaves Upsert unset is no upsert.
func lockStruct(ctx context.Context, c *mongo.Collection, id string) error {
	opts := options.UpdateOptions{}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, &opts) // want `UpdateOne is conditional on "locked" but its result is discarded`
	return err
}
