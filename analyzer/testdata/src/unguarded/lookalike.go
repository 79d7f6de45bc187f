package unguarded

import (
	"context"

	"example.com/fakemongo"
)

// A type of another package with the driver's method names is not the driver.
func lookalike(ctx context.Context, c *fakemongo.Collection, id string) {
	c.UpdateOne(ctx, fakemongo.M{"_id": id}, fakemongo.M{"$set": fakemongo.M{"a": 1}})
	c.UpdateByID(ctx, id, fakemongo.M{"$set": fakemongo.M{"a": 1}})
	c.ReplaceOne(ctx, fakemongo.M{"_id": id}, fakemongo.M{"a": 1})
	c.FindOneAndUpdate(ctx, fakemongo.M{"_id": id}, fakemongo.M{"$set": fakemongo.M{"a": 1}})
	_ = fakemongo.NewUpdateOneModel().SetFilter(fakemongo.M{"_id": id}).SetUpdate(fakemongo.M{"$set": fakemongo.M{"a": 1}})
}
