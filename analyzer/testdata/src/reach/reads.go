package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID  bson.ObjectID `bson:"_id"`
	Qty int           `bson:"qty"`
}

type Repo struct{ c *mongo.Collection }

// Get is a reader: it returns the document it decoded.
func (r *Repo) Get(ctx context.Context, id bson.ObjectID) (*Item, error) { // want Get:"reader"
	var it Item
	if err := r.c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return nil, err
	}
	return &it, nil
}

// A document read through a getter makes the write a read-modify-write.
func sellThroughGetter(ctx context.Context, r *Repo, id bson.ObjectID) error {
	it, err := r.Get(ctx, id)
	if err != nil {
		return err
	}
	_, err = r.c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `read-modify-write: UpdateOne sets "qty"`
	return err
}

// Documents read by Cursor.All, then ranged over.
func restockAll(ctx context.Context, c *mongo.Collection) error {
	cur, err := c.Find(ctx, bson.M{})
	if err != nil {
		return err
	}
	var items []Item
	if err := cur.All(ctx, &items); err != nil {
		return err
	}
	for _, it := range items {
		c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty + 10}}) // want `read-modify-write: UpdateOne sets "qty"`
	}
	return nil
}

// Documents decoded in a cursor loop.
func restockLoop(ctx context.Context, c *mongo.Collection) error {
	cur, err := c.Find(ctx, bson.M{})
	if err != nil {
		return err
	}
	for cur.Next(ctx) {
		var it Item
		if err := cur.Decode(&it); err != nil {
			return err
		}
		c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty + 10}}) // want `read-modify-write: UpdateOne sets "qty"`
	}
	return nil
}

// The document FindOneAndUpdate returns is a read too.
func afterFindAndModify(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"views": 1}}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty * 2}}) // want `read-modify-write: UpdateOne sets "qty"`
	return err
}

func loadProfile() Profile { return Profile{} }

// A document read, and another struct written whole: its fields have no
// syntax of their own to look at.
func replaceWithAnother(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var old Profile
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&old); err != nil {
		return err
	}
	fresh := loadProfile()
	_, err := c.ReplaceOne(ctx, bson.M{"_id": id}, fresh) // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	return err
}
