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

// SetName runs in the session its caller gives, through the interface.
func rename(s txnstore.Storage, id primitive.ObjectID, name string) error {
	return s.SetName(nil, id, name) // want `Adapter.SetName is given a nil session here, so the write it runs at txnstore.go:\d+ is outside any transaction: blind write: UpdateOne sets "name" but its filter matches only "_id"`
}

func renameInTxn(s txnstore.Storage, id primitive.ObjectID, name string) error {
	return s.PerformTransaction(func(ctx mongo.SessionContext) error {
		return s.SetName(ctx, id, name)
	})
}

// A function that hands its session on runs the write in its caller's.
func renameIn(tc txnstore.TransactionContext, s txnstore.Storage, id primitive.ObjectID, name string) error { // want renameIn:`unguarded write at txnstore.go:\d+ in the session of \$0`
	return s.SetName(tc, id, name)
}

func renameOutside(s txnstore.Storage, id primitive.ObjectID) error {
	return renameIn(nil, s, id, "x") // want `renameIn is given a nil session here`
}
