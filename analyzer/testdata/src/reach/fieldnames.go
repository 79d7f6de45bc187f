package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"reachtags"
)

// Keys named by a field-name object: a value of the model's type whose
// string fields hold their bson names, made by a helper of another
// package.
type account struct {
	ID      string `bson:"_id"`
	Balance string `bson:"balance"`
	Version string `bson:"version"`
	Owner   struct {
		Name string `bson:"name"`
	} `bson:"owner"`
	Note string
}

var (
	accountBson = reachtags.Names[account]()
	zeroBson    = reachtags.Zero[account]()
	movedBson   = reachtags.Names[account]()
)

func resetMoved() { movedBson = account{} }

func setBalance(ctx context.Context, c *mongo.Collection, id, b string) {
	c.UpdateOne(ctx, bson.M{accountBson.ID: id}, bson.M{"$set": bson.M{accountBson.Balance: b}}) // want `UpdateOne sets "balance" but its filter matches only "_id"`
}

func setBalanceIfVersion(ctx context.Context, c *mongo.Collection, id, b, v string) error {
	res, err := c.UpdateOne(ctx, bson.M{accountBson.ID: id, accountBson.Version: v},
		bson.M{"$set": bson.M{accountBson.Balance: b, accountBson.Version: v + "1"}})
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return mongo.ErrNoDocuments
	}
	return nil
}

func setOwnerName(ctx context.Context, c *mongo.Collection, id, n string) {
	c.UpdateOne(ctx, bson.M{accountBson.ID: id}, bson.M{"$set": bson.M{accountBson.Owner.Name: n}}) // want `UpdateOne sets "owner.name" but its filter matches only "_id"`
}

// A field with no bson name in its tag, an object that nothing fills, and
// one that the package assigns are no keys: silent.
func setByNote(ctx context.Context, c *mongo.Collection, note, b string) {
	c.UpdateOne(ctx, bson.M{accountBson.Note: note}, bson.M{"$set": bson.M{"balance": b}})
	c.UpdateOne(ctx, bson.M{zeroBson.ID: note}, bson.M{"$set": bson.M{"balance": b}})
	c.UpdateOne(ctx, bson.M{movedBson.ID: note}, bson.M{"$set": bson.M{"balance": b}})
}

// An object one of whose fields the package assigns names no key.
var retaggedBson = reachtags.Names[account]()

func init() { retaggedBson.Balance = "credit" }

func setByRetagged(ctx context.Context, c *mongo.Collection, id, b string) {
	c.UpdateOne(ctx, bson.M{"_id": id, "credit": b}, bson.M{"$set": bson.M{retaggedBson.Balance: b}})
}
