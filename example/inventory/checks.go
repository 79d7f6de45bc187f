package inventory

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// ReserveChecked takes one unit of sku out of stock.
//
// BUG: check-then-act. $inc itself is atomic, but the stock check happens in
// Go on a copy read earlier: two callers can both see one unit left and both
// decrement, overselling the item.
func (s *Store) ReserveChecked(ctx context.Context, sku string) error {
	var it Item
	if err := s.items.FindOne(ctx, bson.M{"sku": sku}).Decode(&it); err != nil {
		return fmt.Errorf("reserve %s: %w", sku, err)
	}
	if it.Qty <= 0 {
		return fmt.Errorf("reserve %s: %w", sku, ErrOutOfStock)
	}
	_, err := s.items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}})
	return err
}

// RestockAll adds n units to every item below min and records the batch,
// and returns how many items it restocked.
//
// BUG: removed operators. $isolated was removed in MongoDB 4.0 and $pushAll
// in 3.6: the server rejects both writes. Writes to several documents are
// atomic together only in a transaction.
func (s *Store) RestockAll(ctx context.Context, min, n int, batch []string) (int64, error) {
	res, err := s.items.UpdateMany(ctx,
		bson.M{"qty": bson.M{"$lt": min}, "$isolated": 1},
		bson.M{"$inc": bson.M{"qty": n}})
	if err != nil {
		return 0, err
	}
	if _, err := s.items.UpdateMany(ctx,
		bson.M{"qty": bson.M{"$lt": min + n}},
		bson.M{"$pushAll": bson.M{"batches": batch}}); err != nil {
		return 0, err
	}
	return res.ModifiedCount, nil
}

// RestockAllCurrent is RestockAll with the operators of current servers.
//
// OK: no $isolated, and $push with $each appends several values.
func (s *Store) RestockAllCurrent(ctx context.Context, min, n int, batch []string) (int64, error) {
	res, err := s.items.UpdateMany(ctx,
		bson.M{"qty": bson.M{"$lt": min}},
		bson.M{"$inc": bson.M{"qty": n}, "$push": bson.M{"batches": bson.M{"$each": batch}}})
	if err != nil {
		return 0, err
	}
	return res.ModifiedCount, nil
}
