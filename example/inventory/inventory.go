// Package inventory keeps stock levels of items. It shows a read-modify-write
// lost update next to its atomic equivalents.
package inventory

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ErrOutOfStock is returned when an item has no quantity left.
var ErrOutOfStock = errors.New("inventory: out of stock")

// Item is a stock-keeping unit and its available quantity.
type Item struct {
	ID  bson.ObjectID `bson:"_id"`
	SKU string        `bson:"sku"`
	Qty int           `bson:"qty"`
}

// Store reserves and restocks items.
type Store struct {
	items *mongo.Collection
}

// NewStore returns a Store that operates on coll.
func NewStore(coll *mongo.Collection) *Store {
	return &Store{items: coll}
}

// Reserve takes one unit of sku out of stock.
//
// BUG: read-modify-write. The quantity is read, decremented in Go and written
// back with $set by _id only, so two concurrent reservations can both read
// the same quantity and one decrement is lost (or stock goes negative).
func (s *Store) Reserve(ctx context.Context, sku string) error {
	var it Item
	if err := s.items.FindOne(ctx, bson.M{"sku": sku}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return fmt.Errorf("reserve %s: %w", sku, ErrOutOfStock)
	}
	_, err := s.items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
	return err
}

// ReserveAtomic takes one unit of sku out of stock.
//
// OK: the stock check is part of the filter, the decrement is an atomic
// $inc, and MatchedCount tells whether the reservation succeeded.
func (s *Store) ReserveAtomic(ctx context.Context, sku string) error {
	res, err := s.items.UpdateOne(ctx,
		bson.M{"sku": sku, "qty": bson.M{"$gt": 0}},
		bson.M{"$inc": bson.M{"qty": -1}},
	)
	if err != nil {
		return fmt.Errorf("reserve %s: %w", sku, err)
	}
	if res.MatchedCount == 0 {
		return ErrOutOfStock
	}
	return nil
}

// Restock adds n units of sku.
//
// OK: $inc is applied atomically by the server, so no guard is needed.
func (s *Store) Restock(ctx context.Context, sku string, n int) error {
	_, err := s.items.UpdateOne(ctx,
		bson.M{"sku": sku},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "qty", Value: n}}}},
	)
	if err != nil {
		return fmt.Errorf("restock %s: %w", sku, err)
	}
	return nil
}
