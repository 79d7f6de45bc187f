// Package txnstore is a storage layer that runs a callback of its
// callers in a transaction (driver v1), behind an interface.
package txnstore

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Storage interface {
	PerformTransaction(fn func(ctx mongo.SessionContext) error) error
	SetQty(ctx context.Context, id primitive.ObjectID, qty int) error
	SetName(tc TransactionContext, id primitive.ObjectID, name string) error
}

// TransactionContext is the session its callers run SetName in.
type TransactionContext interface {
	mongo.SessionContext
}

type Adapter struct {
	client *mongo.Client
	items  *mongo.Collection
}

var _ Storage = (*Adapter)(nil)

// PerformTransaction runs fn between StartTransaction and
// CommitTransaction on the session of UseSession.
func (a *Adapter) PerformTransaction(fn func(ctx mongo.SessionContext) error) error { // want PerformTransaction:`transaction runner \$0`
	return a.client.UseSession(context.Background(), func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		if err := fn(sc); err != nil {
			sc.AbortTransaction(sc)
			return err
		}
		return sc.CommitTransaction(sc)
	})
}

func (a *Adapter) SetQty(ctx context.Context, id primitive.ObjectID, qty int) error {
	_, err := a.items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}}) // want `blind write: UpdateOne sets "qty"`
	return err
}

// SetName writes in the session it is given: its callers decide.
func (a *Adapter) SetName(tc TransactionContext, id primitive.ObjectID, name string) error { // want SetName:`unguarded write at txnstore.go:\d+ in the session of \$0`
	_, err := a.items.UpdateOne(tc, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
	return err
}
