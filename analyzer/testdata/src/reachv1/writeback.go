package reachv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type devModel struct {
	Class string `bson:"class"`
}

type device struct {
	Model devModel
	Path  string
	Key   string
}

// Equalities under $and pin their fields; a subdocument's field matched
// on the same field of the struct written whole is written back.
func andEqualities(ctx context.Context, c *mongo.Collection, d *device) error {
	filter := bson.D{{"$and", bson.A{
		bson.D{{"model.class", d.Model.Class}},
		bson.D{{"path", d.Path}},
		bson.D{{"key", d.Key}},
	}}}
	return c.FindOneAndReplace(ctx, filter, d, options.FindOneAndReplace().SetUpsert(true)).Err() // want `FindOneAndReplace replaces the whole document but its filter matches only "model.class", "path", "key" and it writes "model.class", "path", "key" back unchanged`
}

type cart struct {
	UserID string   `bson:"userId"`
	Items  []string `bson:"items"`
}

// Get or create, then upsert: every path writes the user's id back.
func addToCart(ctx context.Context, c *mongo.Collection, user, item string) error {
	var ct cart
	err := c.FindOne(ctx, bson.M{"userId": user}).Decode(&ct)
	if err == mongo.ErrNoDocuments {
		ct = cart{UserID: user}
	}
	for i := range ct.Items {
		ct.Items[i] += "!"
	}
	ct.Items = append(ct.Items, item)
	return c.FindOneAndUpdate(ctx, bson.M{"userId": user}, bson.M{"$set": ct}, options.FindOneAndUpdate().SetUpsert(true)).Err() // want `FindOneAndUpdate sets "userId", "items" but its filter matches only "userId" and it writes "userId" back unchanged`
}
