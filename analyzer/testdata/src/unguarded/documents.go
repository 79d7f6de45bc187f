package unguarded

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

const (
	fieldStatus = "status"
	opSet       = "$set"
)

func orderedDocuments(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	c.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name}}}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.D{{"_id", id}}, bson.D{{"$set", bson.D{{"name", name}, {"email", "e"}}}})                     // want `UpdateOne sets "name", "email" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.D{{"_id", id}, {"name", "old"}}, bson.D{{"$set", bson.D{{"name", name}}}})
}

func plainMaps(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, map[string]any{"_id": id}, map[string]interface{}{"$set": map[string]any{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id"`
}

func constantKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id, fieldStatus: "A"}, bson.M{opSet: bson.M{fieldStatus: "B"}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{opSet: bson.M{fieldStatus: "B"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
}

func localVariables(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	filter := bson.M{"_id": id}
	update := bson.M{"$set": bson.M{"name": name}}
	c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "name" but its filter matches only "_id"`

	guarded := bson.M{"_id": id}
	guarded["name"] = "old"
	c.UpdateOne(ctx, guarded, update)

	var d bson.D
	d = append(d, bson.E{Key: "$set", Value: bson.D{{Key: "email", Value: "e"}}})
	c.UpdateOne(ctx, filter, d) // want `UpdateOne sets "email" but its filter matches only "_id"`

	set := bson.E{Key: "$set", Value: bson.M{"email": "e"}}
	c.UpdateOne(ctx, filter, bson.D{set}) // want `UpdateOne sets "email" but its filter matches only "_id"`

	var anyUpdate any = bson.M{"$set": bson.M{"x": 1}}
	c.UpdateOne(ctx, filter, anyUpdate) // want `UpdateOne sets "x" but its filter matches only "_id"`
}

type Meta struct {
	Owner string `bson:"owner"`
}

type Profile struct {
	ID     bson.ObjectID `bson:"_id"`
	Name   string        `bson:"name,omitempty"`
	Secret string        `bson:"-"`
	Meta   `bson:",inline"`
	Email  string
	hidden int
}

func structs(ctx context.Context, c *mongo.Collection, p *Profile) {
	c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": p})                          // want `UpdateOne sets "name", "owner", "email" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": Profile{Email: "e"}})        // want `UpdateOne sets "owner", "email" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": p.ID, "email": p.Email}, bson.M{"$set": p})        // want `UpdateOne sets "name", "owner", "email" but its filter matches only "_id", "email" and it writes "email" back unchanged`
	c.UpdateOne(ctx, bson.M{"_id": p.ID, "secret": 1}, bson.M{"$set": p})             // want `UpdateOne sets "name", "owner", "email" but its filter matches only "_id", "secret"`
	c.UpdateOne(ctx, bson.M{"_id": p.ID, "owner": p.Owner}, bson.M{"$set": p})        // want `filter matches only "_id", "owner" and it writes "owner" back unchanged`
	c.UpdateOne(ctx, Profile{ID: p.ID}, bson.M{"$set": bson.M{"name": "n"}})          // want `UpdateOne sets "name" but its filter matches only "_id", "owner", "email"`
	c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": bson.M{"hidden": p.hidden}}) // want `UpdateOne sets "hidden"`
}

func logicalOperators(ctx context.Context, c *mongo.Collection, a, b bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"$and": bson.A{bson.M{"_id": a}, bson.M{"status": "A"}}}, bson.M{"$set": bson.M{"status": "B"}})
	c.UpdateOne(ctx, bson.M{"$or": []bson.M{{"_id": a}, {"_id": b}}}, bson.M{"$set": bson.M{"status": "B"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": a, "$nor": bson.A{bson.M{"status": "DONE"}}}, bson.M{"$set": bson.M{"status": "B"}})
}

func dottedPaths(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id, "stats": bson.M{"level": 1}}, bson.M{"$set": bson.M{"stats.level": 2}})
	c.UpdateOne(ctx, bson.M{"_id": id, "stats.level": 1}, bson.M{"$set": bson.M{"stats": bson.M{"level": 2}}})
	c.UpdateOne(ctx, bson.M{"_id": id, "stats.xp": 1}, bson.M{"$set": bson.M{"stats.level": 2}}) // want `UpdateOne sets "stats.level" but its filter matches only "_id", "stats.xp"`
	c.UpdateOne(ctx, bson.M{"items.sku": "a"}, bson.M{"$set": bson.M{"items.$.qty": 2}})         // want `UpdateOne sets "items.\$.qty" but its filter matches only "items.sku"`
	c.UpdateOne(ctx, bson.M{"items": bson.M{"$elemMatch": bson.M{"sku": "a"}}}, bson.M{"$set": bson.M{"items.$.qty": 2}})
}

func pipelines(ctx context.Context, c *mongo.Collection, id bson.ObjectID, n int) {
	c.UpdateOne(ctx, bson.M{"_id": id}, mongo.Pipeline{{{Key: "$set", Value: bson.D{{Key: "qty", Value: bson.D{{Key: "$add", Value: bson.A{"$qty", -1}}}}}}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, []bson.M{{"$set": bson.M{"seen": "$$NOW", "total": "$sum"}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, []bson.D{{{Key: "$addFields", Value: bson.M{"qty": n}}}})     // want `UpdateOne sets "qty" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.A{bson.M{"$set": bson.M{"qty": bson.M{"$literal": n}}}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, "qty": n}, bson.A{bson.M{"$set": bson.M{"qty": n + 1}}})
	// A value that encodes itself may be a server expression: unknown.
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.A{bson.M{"$set": bson.M{"state": cond{}}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.A{bson.M{"$set": bson.M{"state": cond{}, "n": n}}}) // want `UpdateOne sets "n" but its filter matches only "_id"`
}

// cond encodes itself, as a {$cond: ...} expression, say.
type cond struct{}

func (cond) MarshalBSON() ([]byte, error) { return nil, nil }
