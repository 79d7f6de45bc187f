package uncheckedv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
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
