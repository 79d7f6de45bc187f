// Read-modify-writes in transactions (v1).
package txnv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Item struct {
	ID  primitive.ObjectID `bson:"_id"`
	Qty int                `bson:"qty"`
}

func reserve(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		_, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
		return nil, err
	})
	return err
}

func reserveOuterCtx(ctx context.Context, sess mongo.Session, items *mongo.Collection, id primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		return items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	})
	return err
}

// WithTransaction called on the SessionContext of UseSession; the outer
// session context is a session context too.
func useSessionWithTransaction(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		_, err := sc.WithTransaction(sc, func(tc mongo.SessionContext) (interface{}, error) {
			if _, err := items.UpdateOne(tc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}); err != nil {
				return nil, err
			}
			return items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 2}})
		})
		return err
	})
}

// StartTransaction and CommitTransaction on the SessionContext of UseSession.
func useSessionStartCommit(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		if _, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}); err != nil {
			sc.AbortTransaction(sc)
			return err
		}
		if _, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 2}}); err != nil { // want `UpdateOne sets "qty" but its filter matches only "_id"`
			return err
		}
		return sc.CommitTransaction(sc)
	})
}

// StartTransaction on the session, the writes in a WithSession callback,
// CommitTransaction in the callback.
func withSessionStartCommit(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	return mongo.WithSession(ctx, sess, func(sc mongo.SessionContext) error {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return err
		}
		if _, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}); err != nil {
			return err
		}
		return sess.CommitTransaction(sc)
	})
}

// NewSessionContext, then Start and Commit; the write after the commit is
// reported.
func newSessionContext(ctx context.Context, sess mongo.Session, items *mongo.Collection, id primitive.ObjectID) error {
	sc := mongo.NewSessionContext(ctx, sess)
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	if _, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}); err != nil {
		return err
	}
	if err := sess.CommitTransaction(sc); err != nil {
		return err
	}
	_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// A UseSession callback alone is no transaction.
func useSessionOnly(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	})
}

// A helper called with the SessionContext between StartTransaction and
// CommitTransaction writes in the transaction; called with another
// context, it does not.
func useSessionHelper(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		if err := setQtyIn(sc, items, id); err != nil {
			return err
		}
		return sc.CommitTransaction(sc)
	})
}

func setQtyIn(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 3}})
	return err
}

func setQtyOut(ctx context.Context, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 4}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	})
}

// A wrapper called in a transaction's callback with the outer context
// writes outside the transaction; with the session's context, inside.
type seats struct{ c *mongo.Collection }

func (s seats) Set(ctx context.Context, filter bson.M, fields bson.M) error { // want Set:`wrapper UpdateOne filter \$1 update \{\$set: \$2\} result dropped`
	_, err := s.c.UpdateOne(ctx, filter, bson.M{"$set": fields})
	return err
}

func wrapperInTxn(ctx context.Context, sess mongo.Session, s seats, id primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		if err := s.Set(ctx, bson.M{"_id": id}, bson.M{"free": true}); err != nil { // want `seats.Set \(UpdateOne\) sets "free" but its filter matches only "_id"`
			return nil, err
		}
		return nil, s.Set(sc, bson.M{"_id": id}, bson.M{"free": false})
	})
	return err
}

// A function whose context parameter is a session context runs in its
// caller's session, most often a transaction begun elsewhere: silent.
type TxContext interface {
	mongo.SessionContext
}

func setQtyInSession(sc mongo.SessionContext, items *mongo.Collection, id primitive.ObjectID) error { // want setQtyInSession:`unguarded write at txnv1.go:177 in the session of \$0`
	_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}})
	return err
}

func setQtyInTxContext(tc TxContext, s seats, id primitive.ObjectID) error { // want setQtyInTxContext:`unguarded write at txnv1.go:182 in the session of \$0`
	return s.Set(tc, bson.M{"_id": id}, bson.M{"free": true})
}

// A plain context parameter says nothing of a session.
func setQtyPlain(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// The callers decide: a nil session runs the write in no transaction.
func setQtyOutside(items *mongo.Collection, id primitive.ObjectID) error {
	return setQtyInSession(nil, items, id) // want `setQtyInSession is given a nil session here, so the write it runs at txnv1.go:\d+ is outside any transaction: state transition: UpdateOne sets "qty"`
}

func setQtyInside(ctx context.Context, sess mongo.Session, items *mongo.Collection, id primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return nil, setQtyInSession(sc, items, id)
	})
	return err
}

// A function that hands its own session on runs the write in its
// caller's session too.
func freeSeat(tc TxContext, s seats, id primitive.ObjectID) error { // want freeSeat:`unguarded write at txnv1.go:182 in the session of \$0`
	return setQtyInTxContext(tc, s, id)
}

func freeSeatOutside(s seats, id primitive.ObjectID) error {
	return freeSeat(nil, s, id) // want `freeSeat is given a nil session here, so the write it runs at txnv1.go:\d+ is outside any transaction`
}

// A bulk-write model has no context: in a function whose one session
// parameter the caller gives, it is written in that session.
func resetInSession(sc mongo.SessionContext, items *mongo.Collection, ids []primitive.ObjectID) error { // want resetInSession:`unguarded write at txnv1.go:\d+ in the session of \$0`
	var models []mongo.WriteModel
	for _, id := range ids {
		models = append(models, mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 0}}))
	}
	_, err := items.BulkWrite(sc, models)
	return err
}

func resetOutside(items *mongo.Collection, ids []primitive.ObjectID) error {
	return resetInSession(nil, items, ids) // want `resetInSession is given a nil session here`
}

func resetInside(ctx context.Context, sess mongo.Session, items *mongo.Collection, ids []primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return nil, resetInSession(sc, items, ids)
	})
	return err
}

// A model at package level runs in no function's session.
var resetModel = mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": 1}).SetUpdate(bson.M{"$set": bson.M{"qty": 0}}) // want `UpdateOneModel sets "qty" but its filter matches only "_id"`

// A function that starts a session of its own when given none handles
// the nil: its calls with nil are not reported.
func setQtyOrStart(sc mongo.SessionContext, client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	if sc == nil {
		return client.UseSession(context.Background(), func(sc mongo.SessionContext) error {
			if err := sc.StartTransaction(); err != nil {
				return err
			}
			if err := setQtyOrStart(sc, client, items, id); err != nil {
				return err
			}
			return sc.CommitTransaction(sc)
		})
	}
	_, err := items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 2}})
	return err
}

func setQtyOrStartOutside(client *mongo.Client, items *mongo.Collection, id primitive.ObjectID) error {
	return setQtyOrStart(nil, client, items, id)
}

// A method expression passes the receiver first.
func (s seats) freeIn(tc TxContext, id primitive.ObjectID) error { // want freeIn:`unguarded write at txnv1.go:\d+ in the session of \$0`
	return s.Set(tc, bson.M{"_id": id}, bson.M{"free": true})
}

func freeByExpr(s seats, id primitive.ObjectID) error {
	return seats.freeIn(s, nil, id) // want `seats.freeIn is given a nil session here`
}
