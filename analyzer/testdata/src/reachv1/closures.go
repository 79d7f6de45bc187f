package reachv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// A wrapper whose write runs in a closure handed to a retry helper is
// summarized: its callers' documents decide.
type retryStore struct{ c *mongo.Collection }

func (s *retryStore) Write(ctx context.Context, filter, update interface{}) error { // want Write:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	return withRetry(func() error {
		_, err := s.c.UpdateOne(ctx, filter, update)
		return err
	})
}

func (s *retryStore) rename(ctx context.Context, id primitive.ObjectID, name string) error {
	return s.Write(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.Write \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

func (s *retryStore) claim(ctx context.Context, id primitive.ObjectID) error {
	return s.Write(ctx, bson.M{"_id": id, "owner": nil}, bson.M{"$set": bson.M{"owner": "me"}}) // want `retryStore.Write \(UpdateOne\) is conditional on "owner" but retryStore.Write discards the result`
}

var errNotFound = errors.New("not found")

// The closure looks at the result.
func (s *retryStore) WriteChecked(ctx context.Context, filter, update interface{}) error { // want WriteChecked:`wrapper UpdateOne filter \$1 update \$2$`
	return withRetry(func() error {
		res, err := s.c.UpdateOne(ctx, filter, update)
		if err == nil && res.MatchedCount == 0 {
			return errNotFound
		}
		return err
	})
}

func (s *retryStore) claimChecked(ctx context.Context, id primitive.ObjectID) error {
	return s.WriteChecked(ctx, bson.M{"_id": id, "owner": nil}, bson.M{"$set": bson.M{"owner": "me"}})
}

// A v1 session callback gets a mongo.SessionContext: the wrapper is not
// summarized, its callers stay silent.
func (s *retryStore) WriteSession(ctx context.Context, filter, update interface{}) error {
	return s.c.Database().Client().UseSession(ctx, func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		if _, err := s.c.UpdateOne(sc, filter, update); err != nil {
			return err
		}
		return sc.CommitTransaction(sc)
	})
}

func (s *retryStore) renameSession(ctx context.Context, id primitive.ObjectID, name string) error {
	return s.WriteSession(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
}

// A closure given a context by a helper of the package that may run it in
// a transaction.
func (s *retryStore) inTx(ctx context.Context, fn func(context.Context) error) error { return fn(ctx) }

func (s *retryStore) WriteTx(ctx context.Context, filter, update interface{}) error {
	return s.inTx(ctx, func(tctx context.Context) error {
		_, err := s.c.UpdateOne(tctx, filter, update)
		return err
	})
}

func (s *retryStore) renameTx(ctx context.Context, id primitive.ObjectID, name string) error {
	return s.WriteTx(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
}

// The closure stored in a variable handed on once, writing with a context
// of its own making.
func (s *retryStore) withColl(f func(*mongo.Collection) error) error { return f(s.c) }

func (s *retryStore) WriteStored(filter, update interface{}) error { // want WriteStored:`wrapper UpdateOne filter \$0 update \$1`
	fn := func(c *mongo.Collection) error {
		res, err := c.UpdateOne(context.TODO(), filter, update)
		if err == nil && res.MatchedCount == 0 {
			return errNotFound
		}
		return err
	}
	return s.withColl(fn)
}

func (s *retryStore) renameStored(id primitive.ObjectID, name string) error {
	return s.WriteStored(bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `retryStore.WriteStored \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

func (s *retryStore) claimStored(id primitive.ObjectID) error {
	return s.WriteStored(bson.M{"_id": id, "owner": nil}, bson.M{"$set": bson.M{"owner": "me"}})
}
