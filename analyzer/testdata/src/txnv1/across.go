package txnv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

func storedCallback(ctx context.Context, sess mongo.Session, items *mongo.Collection, id primitive.ObjectID) error {
	cb := func(sc mongo.SessionContext) (interface{}, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		_, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
		return nil, err
	}
	_, err := sess.WithTransaction(ctx, cb)
	return err
}

func debit(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}})
	return err
}

func transfer(ctx context.Context, sess mongo.Session, items *mongo.Collection, from primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return nil, debit(sc, items, from, 0)
	})
	return err
}

func credit(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// A transaction helper of the package, with driver v1's session types.
type kv struct {
	client *mongo.Client
	c      *mongo.Collection
}

func (r kv) withTx(ctx context.Context, fn func(context.Context) error) error { // want withTx:`transaction runner \$1`
	sess, err := r.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return nil, fn(sc)
	})
	return err
}

func (r kv) put(ctx context.Context, k, v string) error {
	return r.withTx(ctx, func(ctx context.Context) error {
		_, err := r.c.UpdateOne(ctx, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}})
		return err
	})
}

func (r kv) putOutside(ctx context.Context, k, v string) error {
	return r.withTx(ctx, func(context.Context) error {
		_, err := r.c.UpdateOne(ctx, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}}) // want `UpdateOne sets "value" but its filter matches only "_id"`
		return err
	})
}

// A helper that hands its callback on to withTx runs it in the
// transaction too.
func (r kv) inTx(ctx context.Context, fn func(context.Context) error) error { // want inTx:`transaction runner \$1`
	return r.withTx(ctx, fn)
}

func (r kv) putNested(ctx context.Context, k, v string) error {
	return r.inTx(ctx, func(ctx context.Context) error {
		_, err := r.c.UpdateOne(ctx, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}})
		return err
	})
}

// A helper that hands its callback straight to Session.WithTransaction is
// a runner.
func (r kv) runTx(ctx context.Context, fn func(mongo.SessionContext) (interface{}, error)) (interface{}, error) { // want runTx:`transaction runner \$1`
	sess, err := r.client.StartSession()
	if err != nil {
		return nil, err
	}
	defer sess.EndSession(ctx)
	return sess.WithTransaction(ctx, fn)
}

func (r kv) putRun(ctx context.Context, k, v string) error {
	_, err := r.runTx(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return r.c.UpdateOne(sc, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}})
	})
	return err
}

// Its callback with the outer context writes outside the transaction.
func (r kv) putRunOutside(ctx context.Context, k, v string) error {
	_, err := r.runTx(ctx, func(mongo.SessionContext) (interface{}, error) {
		return r.c.UpdateOne(ctx, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}}) // want `UpdateOne sets "value" but its filter matches only "_id"`
	})
	return err
}
