// Driver v1: bson.M is an alias of primitive.M.
package unguardedv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	mgo "go.mongodb.org/mongo-driver/mongo"
)

type Item struct {
	ID  primitive.ObjectID `bson:"_id"`
	SKU string             `bson:"sku"`
	Qty int                `bson:"qty"`
}

func v1Writes(ctx context.Context, c *mongo.Collection, it Item) {
	c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": 1}})                              // want `UpdateOne sets "qty" but its filter matches only "_id"`
	c.UpdateOne(ctx, primitive.M{"_id": it.ID}, primitive.D{{Key: "$set", Value: primitive.M{"qty": 1}}}) // want `UpdateOne sets "qty"`
	c.UpdateOne(ctx, bson.D{{"_id", it.ID}, {"qty", it.Qty}}, bson.D{{"$set", bson.D{{"qty", 2}}}})
	c.UpdateByID(ctx, it.ID, bson.M{"$set": it}) // want `UpdateByID sets "sku", "qty" but its filter matches only "_id"`
	c.ReplaceOne(ctx, bson.M{"_id": it.ID}, it)  // want `ReplaceOne replaces the whole document`
	c.FindOneAndUpdate(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": 1}})
	c.UpdateOne(ctx, bson.M{"_id": it.ID}, mongo.Pipeline{{{"$set", bson.D{{"qty", bson.D{{"$add", bson.A{"$qty", 1}}}}}}}})
}

// A renamed import is matched by type, not by name.
func renamed(ctx context.Context, c *mgo.Collection, id primitive.ObjectID) []mgo.WriteModel {
	c.UpdateMany(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateMany sets "a"`
	return []mgo.WriteModel{
		mgo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"a": 1}}), // want `UpdateOneModel sets "a"`
		&mgo.UpdateManyModel{Filter: bson.M{"_id": id}, Update: bson.M{"$set": bson.M{"a": 1}}},        // want `UpdateManyModel sets "a"`
	}
}
