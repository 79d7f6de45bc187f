package removedopv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// "Atomic Operations", in the shell: db.foo.update({x: 1, $atomic: 1}, {$inc: {y: 1}}, false, true).
func bumpAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.M{"x": 1, "$atomic": 1}, bson.M{"$inc": bson.M{"y": 1}}) // want `UpdateMany sends \$atomic in its filter, which MongoDB 4.0 removed`
	return err
}

func countAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, primitive.D{{"status", "A"}, {"$isolated", 1}}, primitive.D{{"$inc", primitive.D{{"count", 1}}}}) // want `UpdateMany sends \$isolated in its filter`
	return err
}

func purge(ctx context.Context, c *mongo.Collection) error {
	_, err := c.DeleteOne(ctx, primitive.M{"$isolated": 1, "status": "stale"}) // want `DeleteOne sends \$isolated in its filter`
	return err
}

func models(id interface{}) []mongo.WriteModel {
	return []mongo.WriteModel{
		&mongo.UpdateManyModel{Filter: bson.M{"x": 1, "$isolated": 1}, Update: bson.M{"$inc": bson.M{"y": 1}}}, // want `UpdateManyModel sends \$isolated in its filter`
	}
}

func tag(ctx context.Context, c *mongo.Collection, id interface{}, tags []string) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pushAll": bson.M{"tags": tags}}) // want `UpdateOne sends \$pushAll, which MongoDB 3.6 removed`
	return err
}

func tagOrdered(ctx context.Context, c *mongo.Collection, id interface{}, tags []string) error {
	_, err := c.UpdateByID(ctx, id, bson.D{{"$pushAll", bson.D{{"tags", tags}}}}) // want `UpdateByID sends \$pushAll`
	return err
}

func next(ctx context.Context, c *mongo.Collection, tags []string) error {
	return c.FindOneAndUpdate(ctx, bson.M{"open": true}, primitive.M{"$pushAll": primitive.M{"tags": tags}}).Err() // want `FindOneAndUpdate sends \$pushAll`
}

// Silent: the forms that replace them.
func fine(ctx context.Context, c *mongo.Collection, id interface{}, tags []string) {
	c.UpdateMany(ctx, bson.M{"x": 1}, bson.M{"$inc": bson.M{"y": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$push": bson.M{"tags": bson.M{"$each": tags}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.D{{"$addToSet", bson.D{{"tags", bson.D{{"$each", tags}}}}}})
}
