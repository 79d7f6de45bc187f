// Whole documents written back with a filter that checks one field.
package stalewb

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID  bson.ObjectID `bson:"_id"`
	SKU string        `bson:"sku"`
	Qty int           `bson:"qty"`
}

type Order struct {
	ID      bson.ObjectID `bson:"_id"`
	Status  string        `bson:"status"`
	Total   int           `bson:"total"`
	Note    string        `bson:"note"`
	Version int           `bson:"version"`
}

var errLost = errors.New("lost the race")

// "Atomic Operations", "The ABA Nuance": update if qty is unchanged, but the whole object is written.
func deduct(ctx context.Context, t *mongo.Collection) error {
	var s Item
	if err := t.FindOne(ctx, bson.M{"sku": "abc"}).Decode(&s); err != nil {
		return err
	}
	qtyOld := s.Qty
	s.Qty--
	res, err := t.ReplaceOne(ctx, bson.M{"_id": s.ID, "qty": qtyOld}, s) // want `^ReplaceOne writes back the whole document s read by FindOne, but its filter checks only "qty": a change another writer made to "sku" since the read is silently overwritten; \$set only the fields this code owns, or guard the write with a version field`
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

func pay(ctx context.Context, orders *mongo.Collection, id bson.ObjectID) error {
	var o Order
	if err := orders.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
		return err
	}
	old := o.Status
	o.Status = "PAID"
	res, err := orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": old}, &o) // want `ReplaceOne writes back the whole document o read by FindOne, but its filter checks only "status": a change another writer made to "total", "note", "version" since the read`
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// The same with $set of the whole struct, and with FindOneAndReplace.
	res, err = orders.UpdateOne(ctx, bson.M{"_id": o.ID, "status": "PAID"}, bson.M{"$set": o}) // want `UpdateOne writes back the whole document o read by FindOne, but its filter checks only "status"`
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	return orders.FindOneAndReplace(ctx, bson.D{{Key: "_id", Value: o.ID}, {Key: "status", Value: "PAID"}}, o).Err() // want `FindOneAndReplace writes back the whole document o`
}

// A sure guard (an operator), and a result nobody reads: reported once,
// as a write-back.
func restock(ctx context.Context, items *mongo.Collection, id bson.ObjectID, n int) {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return
	}
	it.Qty += n
	items.ReplaceOne(ctx, bson.M{"_id": it.ID, "qty": bson.M{"$lt": 10}}, it) // want `ReplaceOne writes back the whole document it read by FindOne, but its filter checks only "qty"`
}

// Bulk writes and cursors.
func models(ctx context.Context, orders *mongo.Collection) ([]mongo.WriteModel, error) {
	cur, err := orders.Find(ctx, bson.M{"status": "NEW"})
	if err != nil {
		return nil, err
	}
	var ms []mongo.WriteModel
	for cur.Next(ctx) {
		var o Order
		if err := cur.Decode(&o); err != nil {
			return nil, err
		}
		o.Status = "SEEN"
		ms = append(ms, mongo.NewReplaceOneModel().SetFilter(bson.M{"_id": o.ID, "status": "NEW"}).SetReplacement(o)) // want `ReplaceOneModel writes back the whole document o read by Find, but its filter checks only "status"`
		ms = append(ms, &mongo.ReplaceOneModel{Filter: bson.M{"_id": o.ID, "status": "NEW"}, Replacement: &o})        // want `ReplaceOneModel writes back the whole document o read by Find`
	}
	return ms, nil
}

// Silent: the documented answers, and what is someone else's finding.
func fine(ctx context.Context, orders, archive *mongo.Collection, id bson.ObjectID, param Order) error {
	var o Order
	if err := orders.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
		return err
	}
	old, v := o.Status, o.Version
	o.Status = "PAID"
	o.Version++
	// A version field in the filter.
	res, err := orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "version": v}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// $set of the fields this code owns.
	res, err = orders.UpdateOne(ctx, bson.M{"_id": o.ID, "status": old}, bson.M{"$set": bson.M{"status": "PAID"}})
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// The whole object in the filter.
	res, err = orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": old, "total": o.Total, "note": o.Note, "version": v}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// _id alone: no guard at all, unguarded-update's finding.
	orders.ReplaceOne(ctx, bson.M{"_id": o.ID}, o) // want `^read-modify-write: ReplaceOne replaces the whole document but its filter matches only "_id"`
	// Written to another collection than the one it was read from.
	res, err = archive.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": old}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// Not decoded here.
	res, err = orders.ReplaceOne(ctx, bson.M{"_id": param.ID, "status": old}, param)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// Replaced as a whole since the read.
	o = Order{ID: id, Status: "NEW"}
	res, err = orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": old}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

// Decoded on one path only.
func maybeRead(ctx context.Context, orders *mongo.Collection, id bson.ObjectID, fresh bool) error {
	o := Order{ID: id}
	if fresh {
		if err := orders.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
			return err
		}
	}
	res, err := orders.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": "NEW"}, o)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

// In a transaction the server detects the conflict.
func inTransaction(ctx context.Context, client *mongo.Client, orders *mongo.Collection, id bson.ObjectID) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		var o Order
		if err := orders.FindOne(sc, bson.M{"_id": id}).Decode(&o); err != nil {
			return nil, err
		}
		old := o.Status
		o.Status = "PAID"
		res, err := orders.ReplaceOne(sc, bson.M{"_id": o.ID, "status": old}, o)
		if err == nil && res.MatchedCount == 0 {
			return nil, errLost
		}
		return nil, err
	})
	return err
}
