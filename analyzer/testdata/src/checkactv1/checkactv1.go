// Updates that change a field the code tested before, without repeating
// the test in the filter (v1).
package checkactv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Item struct {
	ID      primitive.ObjectID `bson:"_id"`
	Qty     int                `bson:"qty"`
	Level   int                `bson:"level"`
	Views   int                `bson:"views"`
	Status  string             `bson:"status"`
	Tags    []string           `bson:"tags"`
	Version int                `bson:"version"`
}

var errOut = errors.New("out of stock")

// "Atomic Operations", "Update if Current": see that an item is available, and if it is, deduct it.
func buy(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty > 0 {
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty > 0\), but its filter does not repeat the test: two callers can both pass it and both write; add the condition to the filter and check the result`
		return err
	}
	return errOut
}

// The early-return form: the test is negated in the filter.
func buyEarly(ctx context.Context, items *mongo.Collection, sku string) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"sku": sku}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errOut
	}
	_, err := items.UpdateOne(ctx, bson.D{{Key: "_id", Value: it.ID}}, bson.D{{Key: "$inc", Value: bson.D{{Key: "qty", Value: -1}}}}) // want `UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
	if err != nil {
		return err
	}
	return nil
}

// A value compared with, the field on the right, and two tests of it.
func buyN(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, n int) (int, error) {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return 0, err
	}
	if n <= it.Qty && it.Qty < 1000 {
		res, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -n}}) // want `UpdateOne changes "qty", which this code tested before \(n <= it.Qty; it.Qty < 1000\)`
		if err != nil {
			return 0, err
		}
		return int(res.ModifiedCount), nil
	}
	return 0, errOut
}

// Equality, and a switch case.
func levelUp(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch {
	case it.Level == 1:
		return items.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"level": 1}}).Err() // want `FindOneAndUpdate changes "level", which this code tested before \(it.Level == 1\)`
	}
	return nil
}

// A cursor's documents.
func restockAll(ctx context.Context, items *mongo.Collection) error {
	cur, err := items.Find(ctx, bson.M{})
	if err != nil {
		return err
	}
	for cur.Next(ctx) {
		var it Item
		if err := cur.Decode(&it); err != nil {
			return err
		}
		if it.Qty < 10 {
			items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": 100}}) // want `UpdateOne changes "qty", which this code tested before \(it.Qty < 10\)`
		}
	}
	return cur.Err()
}

// An entry of a document map.
func buyMap(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	var m bson.M
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&m); err != nil {
		return err
	}
	if m["qty"].(int32) > 0 {
		_, err := items.UpdateOne(ctx, bson.M{"_id": m["_id"]}, bson.M{"$inc": bson.M{"qty": -1}}) // want `UpdateOne changes "qty", which this code tested before \(m\["qty"\].\(int32\) > 0\)`
		return err
	}
	return errOut
}

// Reported without a fix: a test the filter cannot repeat, a value that
// changes after the test, UpdateByID.
func noFix(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, tag string) {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return
	}
	if len(it.Tags) < 10 {
		items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$push": bson.M{"tags": tag}}) // want `UpdateOne changes "tags", which this code tested before \(len\(it.Tags\) < 10\)`
	}
	n := 1
	if it.Qty >= n {
		n++
		items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -n}}) // want `UpdateOne changes "qty", which this code tested before \(it.Qty >= n\)`
	}
	var m bson.M
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&m); err != nil {
		return
	}
	if m["qty"].(int32) > 0 {
		items.UpdateByID(ctx, m["_id"], bson.M{"$inc": bson.M{"qty": -1}}) // want `UpdateByID changes "qty", which this code tested before \(m\["qty"\].\(int32\) > 0\)`
	}
}

// A $set of the old value minus one is a lost update: unguarded-update
// reports it, and its $inc fix carries the test into the filter.
func buySet(ctx context.Context, items *mongo.Collection, id primitive.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errOut
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `^read-modify-write: UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// A $set beside the $inc is a lost update: unguarded-update reports the
// call, and check-then-act does not report it again.
func buyAndNote(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, note string) {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return
	}
	if it.Qty > 0 {
		items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}, "$set": bson.M{"note": note}}) // want `^read-modify-write: UpdateOne sets "note" but its filter matches only "_id"`
	}
}

// Silent: the test in the filter, another collection or document, a
// guard, a transaction, a test of another field or of a changed value.
func fine(ctx context.Context, client *mongo.Client, items, stock *mongo.Collection, id, other primitive.ObjectID, param Item, n int) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty > 0 {
		res, err := items.UpdateOne(ctx, bson.M{"_id": id, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
		if err != nil || res.MatchedCount == 0 {
			return errOut
		}
		stock.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -1}})
		items.UpdateOne(ctx, bson.M{"_id": other}, bson.M{"$inc": bson.M{"qty": -1}})
		res, err = items.UpdateOne(ctx, bson.M{"_id": id, "version": it.Version}, bson.M{"$inc": bson.M{"qty": -1, "version": 1}})
		if err != nil || res.MatchedCount == 0 {
			return errOut
		}
		items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"views": 1}})
	}
	if param.Qty > 0 {
		items.UpdateOne(ctx, bson.M{"_id": param.ID}, bson.M{"$inc": bson.M{"qty": -1}})
	}
	it.Qty -= n
	if it.Qty >= 0 {
		items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -n}})
	}
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
		if it.Qty <= 0 {
			return nil, errOut
		}
		return items.UpdateOne(sc, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -1}})
	})
	return err
}

// The test comes before the read.
func testBeforeRead(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, it Item) error {
	if it.Qty > 0 {
		if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
			return err
		}
		items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"qty": -1}})
	}
	return nil
}
