// Read-modify-writes in transactions (v2): the server's write-conflict
// detection protects them, as long as they run in the session.
package txn

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID  bson.ObjectID `bson:"_id"`
	Qty int           `bson:"qty"`
}

// The callback of WithTransaction reads and writes in the transaction.
func reserve(ctx context.Context, client *mongo.Client, items *mongo.Collection, id bson.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		_, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
		return nil, err
	})
	return err
}

// A write in the callback with the outer context runs outside the
// transaction.
func reserveOuterCtx(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		if err != nil {
			return nil, err
		}
		_, err = items.UpdateOne(context.Background(), bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": 0}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return nil, err
	})
	return err
}

// A context derived from the session context is in the transaction.
func derivedCtx(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		tctx, cancel := context.WithCancel(sc)
		defer cancel()
		_, err := items.UpdateOne(tctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}})
		return nil, err
	})
	return err
}

// A document read before the transaction is not part of it.
func readBeforeTxn(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	})
	return err
}

// Read again in the transaction: protected.
func rereadInTxn(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		if err := items.FindOne(sc, bson.M{"_id": it.ID}).Decode(&it); err != nil {
			return nil, err
		}
		return items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
	})
	return err
}

// StartTransaction ... CommitTransaction on the same session.
func startCommit(ctx context.Context, client *mongo.Client, items *mongo.Collection, id bson.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	sc := mongo.NewSessionContext(ctx, sess)
	var it Item
	if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
		sess.AbortTransaction(sc)
		return err
	}
	if _, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}); err != nil {
		sess.AbortTransaction(sc)
		return err
	}
	if err := sess.CommitTransaction(sc); err != nil {
		return err
	}
	// After the commit, the same write is unprotected.
	_, err = items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// ctx = mongo.NewSessionContext(ctx, sess) makes ctx the session context.
func startCommitReassign(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	ctx = mongo.NewSessionContext(ctx, sess)
	if _, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}); err != nil {
		return err
	}
	return sess.CommitTransaction(ctx)
}

// Between Start and Commit, a write with the parent of the session context
// runs outside the transaction.
func startCommitParentCtx(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	sc := mongo.NewSessionContext(ctx, sess)
	if _, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}); err != nil { // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	}
	return sess.CommitTransaction(sc)
}

// Before StartTransaction, or with a Start on another session, or with no
// Commit: unprotected.
func outsideStartCommit(ctx context.Context, sess, other *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	sc := mongo.NewSessionContext(ctx, sess)
	items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	if err := other.StartTransaction(); err != nil {
		return err
	}
	items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 2}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 3}})
	if err := sess.CommitTransaction(sc); err != nil {
		return err
	}
	return other.AbortTransaction(sc)
}

// A closure between Start and Commit may run at any time.
func closureInStartCommit(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) (func() error, error) {
	if err := sess.StartTransaction(); err != nil {
		return nil, err
	}
	sc := mongo.NewSessionContext(ctx, sess)
	later := func() error {
		_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	}
	return later, sess.CommitTransaction(sc)
}

// Transactions do not change unchecked-result: a guarded write whose
// outcome is ignored is still reported.
func claimInTxn(ctx context.Context, sess *mongo.Session, tasks *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		_, err := tasks.UpdateOne(sc, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
		return nil, err
	})
	return err
}

// Bulk-write models built in the callback.
func modelsInTxn(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, []mongo.WriteModel{
			mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}),
		})
	})
	return err
}

// A look-alike WithTransaction is not the driver's.
type fakeSession struct{}

func (fakeSession) WithTransaction(ctx context.Context, fn func(ctx context.Context) (any, error)) (any, error) {
	return fn(ctx)
}

func lookalike(ctx context.Context, sess fakeSession, items *mongo.Collection, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	})
	return err
}

// A helper called with the session context between StartTransaction and
// CommitTransaction writes in the transaction.
func startCommitHelper(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	sc := mongo.NewSessionContext(ctx, sess)
	if err := setQtyInTxn(sc, items, id); err != nil {
		sess.AbortTransaction(sc)
		return err
	}
	return sess.CommitTransaction(sc)
}

func setQtyInTxn(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 3}})
	return err
}

// A wrapper called in a transaction's callback with the outer context
// writes outside the transaction; with the session's context, inside.
type seats struct{ c *mongo.Collection }

func (s seats) Set(ctx context.Context, filter bson.M, fields bson.M) error { // want Set:`wrapper UpdateOne filter \$1 update \{\$set: \$2\} result dropped`
	_, err := s.c.UpdateOne(ctx, filter, bson.M{"$set": fields})
	return err
}

func wrapperInTxn(ctx context.Context, sess *mongo.Session, s seats, id bson.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		if err := s.Set(ctx, bson.M{"_id": id}, bson.M{"free": true}); err != nil { // want `seats.Set \(UpdateOne\) sets "free" but its filter matches only "_id"`
			return nil, err
		}
		return nil, s.Set(sc, bson.M{"_id": id}, bson.M{"free": false})
	})
	return err
}
