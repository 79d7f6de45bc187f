package txn

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Models collected first and handed to a BulkWrite in a transaction are
// written in it.
func syncQty(ctx context.Context, sess *mongo.Session, items *mongo.Collection, qty map[bson.ObjectID]int) error {
	var writes []mongo.WriteModel
	for id, n := range qty {
		writes = append(writes, mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": n}}))
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		if len(writes) == 0 {
			return nil, nil
		}
		return items.BulkWrite(sc, writes)
	})
	return err
}

// A model built in statements, a literal of models held by a variable.
func syncTwo(ctx context.Context, sess *mongo.Session, items *mongo.Collection, a, b bson.ObjectID) error {
	m := mongo.NewUpdateOneModel()
	m.SetFilter(bson.M{"_id": a})
	m.SetUpdate(bson.M{"$set": bson.M{"qty": 1}})
	batch := []mongo.WriteModel{m, &mongo.ReplaceOneModel{Filter: bson.M{"_id": b}, Replacement: Item{ID: b}}}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, batch)
	})
	return err
}

// Written by a BulkWrite outside the transaction too.
func syncTwice(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	writes := []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}), // want `UpdateOneModel sets "qty" but its filter matches only "_id"`
	}
	if _, err := items.BulkWrite(ctx, writes); err != nil {
		return err
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, writes)
	})
	return err
}

// The callback writes with the outer context: outside the transaction.
func syncOuterCtx(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	writes := []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}), // want `UpdateOneModel sets "qty" but its filter matches only "_id"`
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(ctx, writes)
	})
	return err
}

// Handed to a function, which may write them anywhere.
func syncVia(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	writes := []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": 1}}), // want `UpdateOneModel sets "qty" but its filter matches only "_id"`
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, writes)
	})
	if err != nil {
		return err
	}
	return writeAll(ctx, items, writes)
}

func writeAll(ctx context.Context, items *mongo.Collection, writes []mongo.WriteModel) error {
	_, err := items.BulkWrite(ctx, writes)
	return err
}

// A model whose value was read before the transaction: the transaction
// does not see that read, and a concurrent change in between is lost.
func restock(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	writes := []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"qty": it.Qty + 10}}), // want `read-modify-write: UpdateOneModel sets "qty" but its filter matches only "_id"`
	}
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, writes)
	})
	return err
}

// The same, with the model built in statements.
func restockStatements(ctx context.Context, sess *mongo.Session, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	m := mongo.NewUpdateOneModel() // want `read-modify-write: UpdateOneModel sets "qty" but its filter matches only "_id"`
	m.SetFilter(bson.M{"_id": id})
	m.SetUpdate(bson.M{"$set": bson.M{"qty": it.Qty + 10}})
	_, err := sess.WithTransaction(ctx, func(sc context.Context) (any, error) {
		return items.BulkWrite(sc, []mongo.WriteModel{m})
	})
	return err
}
