package nodocs

import (
	"context"
	"errors"
	"fmt"

	"example.com/fakemongo"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

var (
	errNotFound = errors.New("not found")
	errTaken    = errors.New("taken")
)

// "Write Atomicity in MongoDB", claimTask as it is often written: the lost race is waited for
// as an error that never comes, and both workers run the task.
func claimTask(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (bool, error) {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})
	if err == mongo.ErrNoDocuments { // want `^UpdateOne never returns mongo.ErrNoDocuments, so this check is always false: when its filter matches no document \(another writer got there first\), the error is nil and MatchedCount is 0, and the lost race goes unnoticed; check MatchedCount \(dead-no-documents-check\)$`
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, nil
}

// The result is bound already: the fix reads it.
func reserve(ctx context.Context, items *mongo.Collection, sku string) error {
	res, err := items.UpdateMany(ctx, bson.M{"sku": sku}, bson.M{"$inc": bson.M{"qty": -1}})
	if errors.Is(err, mongo.ErrNoDocuments) { // want `UpdateMany never returns mongo.ErrNoDocuments, so this check is always false`
		return errNotFound
	}
	if err != nil {
		return err
	}
	_ = res.UpsertedID
	return nil
}

func bump(ctx context.Context, c *mongo.Collection, id any) error {
	_, err := c.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"n": 1}})
	if err != mongo.ErrNoDocuments { // want `UpdateByID never returns mongo.ErrNoDocuments, so this check is always true`
		return err
	}
	return errNotFound
}

func replace(ctx context.Context, c *mongo.Collection, id any, v int) error {
	//mongocas:ignore unguarded-update v is owned by this service; last write wins
	if _, err := c.ReplaceOne(ctx, bson.M{"_id": id}, bson.M{"v": v}); mongo.ErrNoDocuments == err { // want `ReplaceOne never returns mongo.ErrNoDocuments`
		return errTaken
	}
	return nil
}

// _, err = with err declared in the same block: the fix declares res with :=.
func assigned(ctx context.Context, c *mongo.Collection, id any) error {
	var err error
	_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if !errors.Is(err, mongo.ErrNoDocuments) { // want `UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`
		return err
	}
	return errNotFound
}

func inChain(ctx context.Context, c *mongo.Collection, id any, strict bool) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if strict && err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return errNotFound
	}
	if strict || err != mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments, so this check is always true`
		return err
	}
	return nil
}

// A check in a deferred function sees the declaration's value.
func deferred(ctx context.Context, c *mongo.Collection, id any) {
	res := 0
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	defer func() {
		if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
			fmt.Println("missing", res)
		}
	}()
}

// Reported without a fix: a switch, a check nested in another test of
// err, options that may ask for an upsert, an err assigned in an outer
// block, a check that would leave the errors import unused elsewhere.
func noFix(ctx context.Context, c *mongo.Collection, id any) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	switch err {
	case nil:
	case mongo.ErrNoDocuments: // want `UpdateOne never returns mongo.ErrNoDocuments, so this case never runs`
		return errNotFound
	default:
		return err
	}

	_, err = c.UpdateMany(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if err != nil {
		if errors.Is(err, mongo.ErrNoDocuments) { // want `UpdateMany never returns mongo.ErrNoDocuments`
			return errNotFound
		}
		return err
	}
	_, err = c.UpdateMany(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if err != nil && err != mongo.ErrNoDocuments { // want `UpdateMany never returns mongo.ErrNoDocuments, so this check is always true`
		return err
	}

	_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}}, options.UpdateOne().SetUpsert(true))
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return errNotFound
	}

	if id != nil {
		_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
		if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
			return errNotFound
		}
	}
	return err
}

// Silent: errors that may well be ErrNoDocuments, or may not come from
// the update at all.
func silent(ctx context.Context, c *mongo.Collection, f *fakemongo.Collection, id any, retry bool, fill func(*error)) error {
	// FindOne and FindOneAnd* do return it.
	if err := c.FindOne(ctx, bson.M{"_id": id}).Err(); err == mongo.ErrNoDocuments {
		return errNotFound
	}
	err := c.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return errNotFound
	}

	// Another assignment in between, in a branch, or later in a loop.
	_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if err != nil {
		err = fmt.Errorf("bump: %w", err)
	}
	if errors.Is(err, mongo.ErrNoDocuments) {
		return errNotFound
	}
	if retry {
		err = c.FindOne(ctx, bson.M{"_id": id}).Err()
	} else {
		_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	}
	if err == mongo.ErrNoDocuments {
		return errNotFound
	}
	_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	for i := 0; i < 3; i++ {
		if err == mongo.ErrNoDocuments {
			return errNotFound
		}
		err = c.FindOne(ctx, bson.M{"_id": id}).Err()
	}

	// Assigned by a closure, or through a pointer.
	_, err2 := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	reload := func() { err2 = c.FindOne(ctx, bson.M{"_id": id}).Err() }
	reload()
	if err2 == mongo.ErrNoDocuments {
		return errNotFound
	}
	_, err3 := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	fill(&err3)
	if err3 == mongo.ErrNoDocuments {
		return errNotFound
	}

	// A look-alike package, and an error passed in.
	if _, err := f.UpdateOne(ctx, fakemongo.M{"_id": id}, fakemongo.M{"$inc": fakemongo.M{"n": 1}}); err == mongo.ErrNoDocuments {
		return errNotFound
	}
	return handle(err)
}

func handle(err error) error {
	if err == mongo.ErrNoDocuments {
		return errNotFound
	}
	return err
}

// An interface seam may be a repository that does return ErrNoDocuments.
type updater interface {
	UpdateOne(ctx context.Context, filter any, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
}

func viaSeam(ctx context.Context, u updater, id any) error {
	_, err := u.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if err == mongo.ErrNoDocuments {
		return errNotFound
	}
	return err
}

func ignored(ctx context.Context, c *mongo.Collection, id any) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	//mongocas:ignore dead-no-documents-check kept until the legacy store is gone
	if err == mongo.ErrNoDocuments {
		return errNotFound
	}
	return err
}
