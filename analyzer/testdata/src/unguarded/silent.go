package unguarded

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"shareddocs"
)

// Documents from another package are not read: stay silent.
func fromOtherPackage(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, shareddocs.ByOwner, bson.M{"$set": bson.M{"name": "x"}})
	c.UpdateOne(ctx, bson.M{"owner": 1}, shareddocs.Rename)
}

// A map filled in a loop or in a branch, or handed to a function, may hold
// anything: stay silent.
func filledElsewhere(ctx context.Context, c *mongo.Collection, id bson.ObjectID, keys []string, cond bool) {
	f1 := bson.M{"_id": id}
	for _, k := range keys {
		f1[k] = 1
	}
	c.UpdateOne(ctx, f1, bson.M{"$set": bson.M{"a": 1}})

	// Filled in a branch: read on both paths, and neither guards.
	f2 := bson.M{"_id": id}
	if cond {
		f2["version"] = 3
	}
	c.UpdateOne(ctx, f2, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id", "version"`

	f3 := bson.M{"_id": id}
	addTenant(f3)
	c.UpdateOne(ctx, f3, bson.M{"$set": bson.M{"a": 1}})

	f4 := bson.M{"_id": id}
	f4 = other()
	c.UpdateOne(ctx, f4, bson.M{"$set": bson.M{"a": 1}})

	f5 := bson.M{"_id": id}
	p := &f5
	(*p)["version"] = 1
	c.UpdateOne(ctx, f5, bson.M{"$set": bson.M{"a": 1}})

	c.UpdateOne(ctx, other(), bson.M{"$set": bson.M{"a": 1}})
	// An _id-only filter never guards, whatever else the update holds.
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}, "$bogus": other()}) // want `UpdateOne sets "a"`
	fmt.Println()
}

// A change after the call in a loop reaches the call on the next iteration.
func loopCarried(ctx context.Context, c *mongo.Collection, id bson.ObjectID, n int) {
	f := bson.M{"_id": id}
	for i := 0; i < n; i++ {
		c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"a": i}})
		f["a"] = i
	}
}

// A change after the call does not matter.
func changedAfter(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	f := bson.M{"_id": id}
	c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a"`
	f["a"] = 1
	c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"a": 2}})
}

// addTenant may drop the key it adds: not read as a key adder, so a
// document handed to it is unknown.
func addTenant(m bson.M) {
	m["tenant"] = 1
	delete(m, "tenant")
}

// other returns a document the analyzer cannot read.
func other() bson.M { return shared }

var shared = bson.M{}
