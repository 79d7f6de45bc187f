package txn

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A callback stored in a variable before it is handed to WithTransaction.
func storedCallback(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	cb := func(sc context.Context) (any, error) {
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

// A stored function used for something else is no callback.
func storedElsewhere(ctx context.Context, items *mongo.Collection, id bson.ObjectID, run func(func(context.Context) error) error) error {
	f := func(c context.Context) error {
		_, err := items.UpdateOne(c, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	}
	return run(f)
}

// A helper that the callback calls with its session context writes in
// the transaction.
func debit(ctx context.Context, items *mongo.Collection, id bson.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}})
	return err
}

func transfer(ctx context.Context, sess *mongo.Session, items *mongo.Collection, from bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return nil, debit(sc, items, from, 0)
	})
	return err
}

// A helper called with the outer context only is not in a transaction.
func credit(ctx context.Context, items *mongo.Collection, id bson.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func creditOutside(ctx context.Context, sess *mongo.Session, items *mongo.Collection, to bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return nil, credit(ctx, items, to, 1)
	})
	return err
}

type service struct {
	ctx   context.Context
	items *mongo.Collection
}

// A context kept in a field is not the callback's session context.
func (s *service) fieldCtx(sess *mongo.Session, id bson.ObjectID) error {
	cb := func(sc context.Context) (any, error) {
		_, err := s.items.UpdateOne(s.ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return nil, err
	}
	_, err := sess.WithTransaction(s.ctx, cb)
	return err
}

// A helper of a helper, given the session context, is in the transaction
// too.
func debitTwice(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	if err := debitRetry(ctx, items, id); err != nil {
		return err
	}
	return debitRetry(ctx, items, id)
}

func debitRetry(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 0}})
	return err
}

func transferTwice(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return nil, debitTwice(sc, items, id)
	})
	return err
}

// A wrapper called by a transaction's helper with its context.
func (s *service) setQty(ctx context.Context, filter, update any) error {
	_, err := s.items.UpdateOne(ctx, filter, update)
	return err
}

func (s *service) zero(ctx context.Context, id bson.ObjectID) error {
	return s.setQty(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 0}})
}

func (s *service) zeroInTxn(ctx context.Context, sess *mongo.Session, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return nil, s.zero(sc, id)
	})
	return err
}

// A transaction helper of the package: it runs the callback it is given in
// WithTransaction, with the session context, so the callback's writes are
// in a transaction.
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
	_, err = sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
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

// The callback writes with the outer context: outside the transaction.
func (r kv) putOutside(ctx context.Context, k, v string) error {
	return r.withTx(ctx, func(context.Context) error {
		_, err := r.c.UpdateOne(ctx, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}}) // want `UpdateOne sets "value" but its filter matches only "_id"`
		return err
	})
}

// A helper that calls its callback outside any transaction runs nothing
// in one.
func (r kv) withLog(ctx context.Context, fn func(context.Context) error) error {
	return fn(ctx)
}

func (r kv) putLogged(ctx context.Context, k, v string) error {
	return r.withLog(ctx, func(ctx context.Context) error {
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
func (r kv) runTx(ctx context.Context, fn func(context.Context) (any, error)) (any, error) { // want runTx:`transaction runner \$1`
	sess, err := r.client.StartSession()
	if err != nil {
		return nil, err
	}
	defer sess.EndSession(ctx)
	return sess.WithTransaction(ctx, fn)
}

func (r kv) putRun(ctx context.Context, k, v string) error {
	_, err := r.runTx(ctx, func(sc context.Context) (any, error) {
		return r.c.UpdateOne(sc, bson.M{"_id": k}, bson.M{"$set": bson.M{"value": v}})
	})
	return err
}
