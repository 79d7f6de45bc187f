// Each unguarded-update names the kind of write it is.
package evidence

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID     bson.ObjectID `bson:"_id"`
	Qty    int           `bson:"qty"`
	Status string        `bson:"status"`
	Note   string        `bson:"note"`
}

const statusDone = "done"

// A value written comes from the document read before.
func valueFromRead(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `^read-modify-write: UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

// The update is built in a variable first.
func valueThroughVariable(ctx context.Context, c *mongo.Collection, id bson.ObjectID, n int) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	update := bson.M{"$set": bson.M{"qty": it.Qty + n}}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, update) // want `^read-modify-write: UpdateOne sets "qty"`
	return err
}

// The decision to write comes from the document read before.
func branchOnRead(ctx context.Context, c *mongo.Collection, id bson.ObjectID, note string) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Status == "open" {
		_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"note": note}}) // want `^read-modify-write: UpdateOne sets "note"`
		return err
	}
	switch {
	case it.Qty > 10:
		_, err := c.UpdateByID(ctx, id, bson.M{"$set": bson.M{"note": note}}) // want `^read-modify-write: UpdateByID sets "note"`
		return err
	}
	return nil
}

// The decision to write comes from an early return on the document read.
func earlyReturn(ctx context.Context, c *mongo.Collection, id bson.ObjectID, note string) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Status != "open" {
		return nil
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"note": note}}) // want `^read-modify-write: UpdateOne sets "note"`
	return err
}

// A constant moves a state on.
func transition(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateByID(ctx, id, bson.M{"$set": bson.M{"status": statusDone}})           // want `^state transition: UpdateByID sets "status"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"archived": true}}) // want `^state transition: UpdateOne sets "archived"`
}

// Nothing read, nothing constant.
func blind(ctx context.Context, c *mongo.Collection, id bson.ObjectID, note string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"note": note, "at": time.Now()}}) // want `^blind write: UpdateOne sets "note", "at"`
	c.ReplaceOne(ctx, bson.M{"_id": id}, Item{ID: id, Note: note})                              // want `^blind write: ReplaceOne replaces the whole document`
}

// A read after the write is no evidence.
func readAfter(ctx context.Context, c *mongo.Collection, id bson.ObjectID, note string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"note": note}}) // want `^blind write: UpdateOne sets "note"`
	var it Item
	c.FindOne(ctx, bson.M{"_id": id}).Decode(&it)
}
