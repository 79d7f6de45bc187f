// Package v2 uses the real driver v2: each rule and each fix kind once.
package v2

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"example.com/realdrivers/v2/repo"
)

type Item struct {
	ID      bson.ObjectID `bson:"_id"`
	Qty     int           `bson:"qty"`
	Name    string        `bson:"name"`
	Version int           `bson:"version"`
}

func Reserve(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func Rename(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name + it.Name}}}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func Claim(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	c.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "CREATED"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: "RUNNING"}}}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return nil
}

func Next(ctx context.Context, c *mongo.Collection) (Item, error) { // want Next:"reader"
	var it Item
	c.FindOneAndUpdate(ctx, bson.M{"qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}}).Decode(&it) // want `FindOneAndUpdate is conditional on "qty" but the error of Decode is dropped`
	return it, nil
}

func Models(id bson.ObjectID) []mongo.WriteModel {
	return []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}), // want `UpdateOneModel sets "qty"`
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$inc": bson.M{"qty": 1}}),
	}
}

func ClientModels(id bson.ObjectID) []mongo.ClientBulkWrite {
	return []mongo.ClientBulkWrite{
		{Database: "db", Collection: "items", Model: mongo.NewClientUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}})}, // want `ClientUpdateOneModel sets "qty"`
	}
}

// Coll is an interface seam that *mongo.Collection satisfies.
type Coll interface {
	FindOne(ctx context.Context, filter any, opts ...options.Lister[options.FindOneOptions]) *mongo.SingleResult
	UpdateOne(ctx context.Context, filter any, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
	ReplaceOne(ctx context.Context, filter any, replacement any, opts ...options.Lister[options.ReplaceOptions]) (*mongo.UpdateResult, error)
}

var _ Coll = (*mongo.Collection)(nil)

func ReserveSeam(ctx context.Context, c Coll, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func ClaimSeam(ctx context.Context, c Coll, id bson.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return err
}

func ReserveInTransaction(ctx context.Context, client *mongo.Client, c *mongo.Collection, id bson.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		var it Item
		if err := c.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		if _, err := c.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}); err != nil {
			return nil, err
		}
		return c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"name": it.Name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	})
	return err
}

func ReserveStartCommit(ctx context.Context, client *mongo.Client, c *mongo.Collection, id bson.ObjectID) error {
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
	if err := c.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if _, err := c.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}); err != nil {
		return err
	}
	if err := sess.CommitTransaction(sc); err != nil {
		return err
	}
	_, err = c.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// RenameThroughRepo writes through a wrapper of another package, with a
// filter from a helper of that package.
func RenameThroughRepo(ctx context.Context, items *repo.Items, id bson.ObjectID, name string) error {
	_, err := items.Update(ctx, repo.ByID(id), bson.M{"$set": bson.M{"name": name}}) // want `Items.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
	return err
}

func CloseAll(ctx context.Context, c *mongo.Collection, tags []string) error {
	if _, err := c.UpdateMany(ctx, bson.D{{Key: "status", Value: "open"}, {Key: "$atomic", Value: true}}, bson.M{"$inc": bson.M{"closed": 1}}); err != nil { // want `UpdateMany sends \$atomic in its filter, which MongoDB 4.0 removed`
		return err
	}
	_, err := c.UpdateMany(ctx, bson.M{"status": "open"}, bson.M{"$pushAll": bson.M{"tags": tags}}) // want `UpdateMany sends \$pushAll, which MongoDB 3.6 removed`
	return err
}

func Bump(ctx context.Context, c *mongo.Collection, id bson.ObjectID) (bool, error) {
	res, err := c.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"n": 1}})
	if err == mongo.ErrNoDocuments { // want `UpdateByID never returns mongo.ErrNoDocuments, so this check is always false`
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// Models collected first, written by a BulkWrite in the transaction: in
// it; the one also written outside is not.
func SyncInTransaction(ctx context.Context, sess *mongo.Session, c *mongo.Collection, qty map[bson.ObjectID]int, extra bson.ObjectID) error {
	var writes []mongo.WriteModel
	for id, n := range qty {
		writes = append(writes, mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": n}}))
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return c.BulkWrite(sc, writes)
	})
	if err != nil {
		return err
	}
	again := []mongo.WriteModel{mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": extra}).SetUpdate(bson.M{"$set": bson.M{"qty": 0}})} // want `UpdateOneModel sets "qty" but its filter matches only "_id"`
	if _, err := c.BulkWrite(ctx, again); err != nil {
		return err
	}
	_, err = sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return c.BulkWrite(sc, again)
	})
	return err
}

// RenameThroughOp fills a request object of package repo and writes it.
func RenameThroughOp(ctx context.Context, ops *repo.Ops, id bson.ObjectID, name string) error {
	return ops.Run(ctx, repo.NewOp().Where(bson.M{"_id": id}).Change(bson.M{"$set": bson.M{"name": name}})) // want `repo.Ops.Run \(UpdateOne\) sets "name" but its filter matches only "_id"`
}
