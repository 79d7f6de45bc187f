package reachv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// A key written back as the same Hex() of the same ObjectID is no guard.
func setAvatar(ctx context.Context, c *mongo.Collection, owner primitive.ObjectID, blob string) {
	c.UpdateOne(ctx, bson.M{"owner": owner.Hex()}, bson.M{"$set": bson.M{"owner": owner.Hex(), "avatar": blob}}) // want `UpdateOne sets "owner", "avatar" but its filter matches only "owner" and it writes "owner" back unchanged`
}

// A version bumped before a replacement under a filter on the old
// version: the replacement is conditional.
type wallet struct {
	ID      primitive.ObjectID `bson:"_id"`
	Chips   int                `bson:"chips"`
	Version int                `bson:"version"`
}

func saveWallet(ctx context.Context, c *mongo.Collection, w *wallet) error {
	w.Version++
	_, err := c.ReplaceOne(ctx, bson.M{"_id": w.ID, "version": w.Version - 1}, w) // want `ReplaceOne is conditional on "version" but its result is discarded`
	return err
}

// Bumped by a constant step: the same. Bumped, then brought back: no
// sure change.
func saveWalletStep(ctx context.Context, c *mongo.Collection, w *wallet) error {
	filter := bson.M{"_id": w.ID, "version": w.Version}
	w.Version += 2
	_, err := c.ReplaceOne(ctx, filter, w) // want `ReplaceOne is conditional on "version" but its result is discarded`
	return err
}

func saveWalletUndone(ctx context.Context, c *mongo.Collection, w *wallet) error {
	filter := bson.M{"_id": w.ID, "version": w.Version}
	w.Version++
	w.Version--
	_, err := c.ReplaceOne(ctx, filter, w)
	return err
}
