package txnv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

func storedCallback(ctx context.Context, sess mongo.Session, items *mongo.Collection, id primitive.ObjectID) error {
	cb := func(sc mongo.SessionContext) (interface{}, error) {
		var it Item
		if err := items.FindOne(sc, bson.M{"_id": id}).Decode(&it); err != nil {
			return nil, err
		}
		_, err := items.UpdateOne(sc, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
		return nil, err
	}
	_, err := sess.WithTransaction(ctx, cb)
	return err
}

func debit(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}})
	return err
}

func transfer(ctx context.Context, sess mongo.Session, items *mongo.Collection, from primitive.ObjectID) error {
	_, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return nil, debit(sc, items, from, 0)
	})
	return err
}

func credit(ctx context.Context, items *mongo.Collection, id primitive.ObjectID, qty int) error {
	_, err := items.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": qty}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}
