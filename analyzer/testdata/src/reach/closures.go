package reach

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func withRetry(f func() error) error { return f() }

// A write in a closure handed to a retry helper reads the documents the
// closure captured.
func retried(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	filter := bson.M{"_id": id}
	update := bson.M{"$set": bson.M{"a": 1}}
	return withRetry(func() error {
		_, err := c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "a" but its filter matches only "_id"`
		return err
	})
}

// Built in branches before the closure is made.
func retriedBranches(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenant string) error {
	filter := bson.M{"_id": id}
	if tenant != "" {
		filter["tenant"] = tenant
	}
	return withRetry(func() error {
		_, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id", "tenant"`
		return err
	})
}

// Changed after the closure is made: the closure may run after the change.
func changedAfterClosure(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	f := func() { c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) }
	filter["a"] = 0
	f()
}

// Changed by a closure: it may run at any time.
func changedInClosure(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	guard := func() { filter["a"] = 0 }
	guard()
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// A wrapper whose write runs in a closure handed to a retry helper is
// summarized like one that writes in its own body: its callers' documents
// decide.
type retryStore struct{ c *mongo.Collection }

func (s *retryStore) Write(ctx context.Context, filter, update any) error { // want Write:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	return withRetry(func() error {
		_, err := s.c.UpdateOne(ctx, filter, update)
		return err
	})
}

func (s *retryStore) rename(ctx context.Context, id bson.ObjectID, name string) error {
	return s.Write(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.Write \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

func (s *retryStore) claim(ctx context.Context, id bson.ObjectID) error {
	return s.Write(ctx, bson.M{"_id": id, "owner": nil}, bson.M{"$set": bson.M{"owner": "me"}}) // want `retryStore.Write \(UpdateOne\) is conditional on "owner" but retryStore.Write discards the result`
}

// The closure looks at the result: a caller's conditional write is checked.
func (s *retryStore) WriteChecked(ctx context.Context, filter, update any) error { // want WriteChecked:`wrapper UpdateOne filter \$1 update \$2$`
	return withRetry(func() error {
		res, err := s.c.UpdateOne(ctx, filter, update)
		if err == nil && res.MatchedCount == 0 {
			return errNotFound
		}
		return err
	})
}

func (s *retryStore) claimChecked(ctx context.Context, id bson.ObjectID) error {
	return s.WriteChecked(ctx, bson.M{"_id": id, "owner": nil}, bson.M{"$set": bson.M{"owner": "me"}})
}

func (s *retryStore) renameChecked(ctx context.Context, id bson.ObjectID, name string) error {
	return s.WriteChecked(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.WriteChecked \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

// A closure that gets a context and writes with it may be a transaction's
// callback: the wrapper is not summarized, its callers stay silent.
func (s *retryStore) inTx(ctx context.Context, fn func(context.Context) error) error { return fn(ctx) }

func (s *retryStore) WriteTx(ctx context.Context, filter, update any) error {
	return s.inTx(ctx, func(tctx context.Context) error {
		_, err := s.c.UpdateOne(tctx, filter, update)
		return err
	})
}

func (s *retryStore) renameTx(ctx context.Context, id bson.ObjectID, name string) error {
	return s.WriteTx(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
}

// Nor is one whose write runs in a session callback of the driver.
func (s *retryStore) WriteSession(ctx context.Context, sess *mongo.Session, filter, update any) error {
	_, err := sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
		return s.c.UpdateOne(ctx, filter, update)
	})
	return err
}

func (s *retryStore) renameSession(ctx context.Context, sess *mongo.Session, id bson.ObjectID, name string) error {
	return s.WriteSession(ctx, sess, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
}

var errNotFound = errors.New("not found")

// The closure stored in a variable handed on once, writing with a context
// of its own making: the same wrapper.
func (s *retryStore) withColl(f func(*mongo.Collection) error) error { return f(s.c) }

func (s *retryStore) WriteStored(filter, update any) error { // want WriteStored:`wrapper UpdateOne filter \$0 update \$1 result dropped`
	fn := func(c *mongo.Collection) error {
		_, err := c.UpdateOne(context.TODO(), filter, update)
		return err
	}
	return s.withColl(fn)
}

func (s *retryStore) renameStored(id bson.ObjectID, name string) error {
	return s.WriteStored(bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.WriteStored \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

// A transaction's callback that writes with the outer context writes
// outside the transaction.
func (s *retryStore) WriteOutside(ctx context.Context, sess *mongo.Session, filter, update any) error { // want WriteOutside:`wrapper UpdateOne filter \$2 update \$3`
	_, err := sess.WithTransaction(ctx, func(sctx context.Context) (any, error) {
		return s.c.UpdateOne(ctx, filter, update)
	})
	return err
}

func (s *retryStore) renameOutside(ctx context.Context, sess *mongo.Session, id bson.ObjectID, name string) error {
	return s.WriteOutside(ctx, sess, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.WriteOutside \(UpdateOne\) sets "name" but its filter matches only "_id"`
}
