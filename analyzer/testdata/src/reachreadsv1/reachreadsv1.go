// Results and reads followed on every path, by the value-flow layer.
package reachreadsv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Order struct {
	ID     primitive.ObjectID `bson:"_id"`
	Status string             `bson:"status"`
	Total  int                `bson:"total"`
}

var errLost = errors.New("lost the race")

func retry(f func() error) error { return f() }

// The result is assigned in a branch; the other branch returns, so the
// check surely tests this update's error. (The check's fix would have to
// declare the result before the if, so it offers none, and
// unchecked-result reports the call with its own.)
func claim(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID, byOwner bool) error {
	var err error
	if byOwner {
		_, err = tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	} else {
		return errors.New("no owner")
	}
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`
		return errLost
	}
	return err
}

// The result comes from two updates, one on each path: the check tests
// one or the other. The analyzer names one call per check, so
// dead-no-documents-check stays silent, and unchecked-result reports each
// update.
func claimEither(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID, first bool) error {
	var err error
	if first {
		_, err = tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	} else {
		_, err = tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "QUEUED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	}
	if err == mongo.ErrNoDocuments {
		return errLost
	}
	return err
}

// The document read is written back whole from a retry helper's closure.
func seen(ctx context.Context, orders *mongo.Collection, id primitive.ObjectID) error {
	var o Order
	if err := orders.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
		return err
	}
	o.Status = "SEEN"
	return retry(func() error {
		res, err := orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": "NEW"}, o) // want `ReplaceOne writes back the whole document o read by FindOne, but its filter checks only "status"`
		if err != nil || res.MatchedCount == 0 {
			return errLost
		}
		return nil
	})
}

// Read on one path only: o may hold what the caller gave, so it is no
// document read here (the write is guarded, and its result checked).
func seenMaybe(ctx context.Context, orders *mongo.Collection, o Order, fresh bool) error {
	if fresh {
		if err := orders.FindOne(ctx, bson.M{"_id": o.ID}).Decode(&o); err != nil {
			return err
		}
	}
	o.Status = "SEEN"
	res, err := orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": "NEW"}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

// Changed through its address after the read, before the test: the test
// is not on what was read.
func pay(ctx context.Context, orders *mongo.Collection, id primitive.ObjectID) error {
	var o Order
	if err := orders.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
		return err
	}
	normalize(&o)
	if o.Status != "NEW" {
		return errLost
	}
	res, err := orders.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"total": 0}}) // want `UpdateOne sets "total" but its filter matches only "_id"`
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

func normalize(o *Order) { o.Status = "NEW" }

type box struct {
	BoxID  string   `bson:"boxid"`
	Access []string `bson:"access"`
}

// Decoded by a filter on boxid and written back whole under the same
// filter (as a bson.D): boxid is written back as it was.
func grantAccess(ctx context.Context, c *mongo.Collection, boxID, who string) error {
	var b box
	if err := c.FindOne(ctx, bson.D{{"boxid", boxID}}).Decode(&b); err != nil {
		return err
	}
	b.Access = append(b.Access, who)
	_, err := c.UpdateOne(ctx, bson.M{"boxid": boxID}, bson.M{"$set": b}) // want `UpdateOne sets "boxid", "access" but its filter matches only "boxid" and it writes "boxid" back unchanged`
	return err
}
