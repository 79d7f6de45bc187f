// Package v1 uses the real driver v1: each rule and each fix kind once.
package v1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type Item struct {
	ID      primitive.ObjectID `bson:"_id"`
	Qty     int                `bson:"qty"`
	Name    string             `bson:"name"`
	Version int                `bson:"version"`
}

func Reserve(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func Rename(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name string) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, primitive.M{"_id": it.ID}, primitive.D{{Key: "$set", Value: primitive.D{{Key: "name", Value: name + it.Name}}}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func Claim(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	c.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "CREATED"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: "RUNNING"}}}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return nil
}

func Next(ctx context.Context, c *mongo.Collection) (Item, error) { // want Next:"reader"
	var it Item
	c.FindOneAndUpdate(ctx, bson.M{"qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}}).Decode(&it) // want `FindOneAndUpdate is conditional on "qty" but the error of Decode is dropped`
	return it, nil
}

func Models(id primitive.ObjectID) []mongo.WriteModel {
	return []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}), // want `UpdateOneModel sets "qty"`
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$inc": bson.M{"qty": 1}}),
	}
}

// Coll is an interface seam that *mongo.Collection satisfies.
type Coll interface {
	FindOne(ctx context.Context, filter interface{}, opts ...*options.FindOneOptions) *mongo.SingleResult
	UpdateOne(ctx context.Context, filter interface{}, update interface{}, opts ...*options.UpdateOptions) (*mongo.UpdateResult, error)
	FindOneAndUpdate(ctx context.Context, filter interface{}, update interface{}, opts ...*options.FindOneAndUpdateOptions) *mongo.SingleResult
}

var _ Coll = (*mongo.Collection)(nil)

func ReserveSeam(ctx context.Context, c Coll, id primitive.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func ClaimSeam(ctx context.Context, c Coll, id primitive.ObjectID) {
	c.FindOneAndUpdate(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `FindOneAndUpdate is conditional on "status" but its result is dropped`
}

func ReserveInTransaction(ctx context.Context, client *mongo.Client, c *mongo.Collection, id primitive.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
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

func ReserveStartCommit(ctx context.Context, client *mongo.Client, c *mongo.Collection, id primitive.ObjectID) error {
	return client.UseSession(ctx, func(sc mongo.SessionContext) error {
		if err := sc.StartTransaction(); err != nil {
			return err
		}
		var it Item
		if err := c.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return err
		}
		if _, err := c.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}); err != nil {
			return err
		}
		if err := sc.CommitTransaction(sc); err != nil {
			return err
		}
		_, err := c.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
		return err
	})
}

func CloseAll(ctx context.Context, c *mongo.Collection, tags []string) error {
	if _, err := c.UpdateMany(ctx, bson.M{"status": "open", "$isolated": 1}, bson.M{"$inc": bson.M{"closed": 1}}); err != nil { // want `UpdateMany sends \$isolated in its filter, which MongoDB 4.0 removed`
		return err
	}
	_, err := c.UpdateMany(ctx, bson.M{"status": "open"}, bson.D{{Key: "$pushAll", Value: bson.D{{Key: "tags", Value: tags}}}}) // want `UpdateMany sends \$pushAll, which MongoDB 3.6 removed`
	return err
}

func Bump(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) (bool, error) {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`
		return false, nil
	}
	return err == nil, err
}

// Models collected first, written by a BulkWrite in the transaction: in
// it; the one also written outside is not.
func SyncInTransaction(ctx context.Context, sess mongo.Session, c *mongo.Collection, qty map[primitive.ObjectID]int, extra primitive.ObjectID) error {
	var writes []mongo.WriteModel
	for id, n := range qty {
		writes = append(writes, mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": n}}))
	}
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return c.BulkWrite(sc, writes)
	})
	if err != nil {
		return err
	}
	again := []mongo.WriteModel{mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": extra}).SetUpdate(bson.M{"$set": bson.M{"qty": 0}})} // want `UpdateOneModel sets "qty" but its filter matches only "_id"`
	if _, err := c.BulkWrite(ctx, again); err != nil {
		return err
	}
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return c.BulkWrite(sc, again)
	})
	return err
}
