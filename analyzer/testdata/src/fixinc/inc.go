package fixinc

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID    bson.ObjectID `bson:"_id"`
	Qty   int           `bson:"qty"`
	Sold  int           `bson:"sold"`
	Count uint          `bson:"count"`
	Name  string        `bson:"name"`
}

// "Atomicity and Transactions": a new value computed from the old one becomes $inc.
func reserve(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1, "sold": it.Sold + 1}}) // want `UpdateOne sets "qty", "sold"`
	return err
}

func restock(ctx context.Context, items *mongo.Collection, id bson.ObjectID, n, m int) error {
	it := &Item{}
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(it); err != nil {
		return err
	}
	_, err := items.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "qty", Value: n + it.Qty}}}}) // want `UpdateOne sets "qty"`
	if err != nil {
		return err
	}
	_, err = items.UpdateByID(ctx, id, bson.M{"$set": bson.M{"qty": it.Qty - (n + m)}}) // want `UpdateByID sets "qty"`
	return err
}

// No fix: another field is set too, the value does not come from the
// driver, or the delta is unsigned.
func noFix(ctx context.Context, items *mongo.Collection, id bson.ObjectID, param Item, n uint) {
	var it Item
	items.FindOne(ctx, bson.M{"_id": id}).Decode(&it)
	items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1, "name": "x"}}) // want `UpdateOne sets "qty", "name"`
	items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": param.Qty - 1}})           // want `UpdateOne sets "qty"`
	items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"count": it.Count - n}})          // want `UpdateOne sets "count"`
	items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"sold": it.Qty + 1}})             // want `UpdateOne sets "sold"`
}
