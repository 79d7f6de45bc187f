// Package txnsvc calls its storage's transaction runner through an
// interface, with the callback stored in a variable first (driver v1).
package txnsvc

import (
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"

	"txnstore"
)

func lock(s txnstore.Storage, items *mongo.Collection, id primitive.ObjectID) error {
	transaction := func(ctx mongo.SessionContext) error {
		var it struct{ Qty int }
		if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
			return err
		}
		_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
		return err
	}
	return s.PerformTransaction(transaction)
}

func unlocked(items *mongo.Collection, id primitive.ObjectID) error {
	var it struct{ Qty int }
	ctx := mongo.SessionContext(nil)
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}
