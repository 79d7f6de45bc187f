// Filters and updates built by helper functions of the same package.
package helpers

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func byID(id bson.ObjectID) bson.M { return bson.M{"_id": id} }

func casFilter(id bson.ObjectID, status string) bson.M {
	return bson.M{"_id": id, "status": status}
}

func setStatus(status string) bson.M {
	return bson.M{"$set": bson.M{"status": status}}
}

func setFields(fields bson.M) bson.D { return bson.D{{Key: "$set", Value: fields}} }

// A helper of a helper.
func activeByID(id bson.ObjectID) bson.M {
	f := byID(id)
	f["active"] = true
	return f
}

func incQty(n int) bson.M { return bson.M{"$inc": bson.M{"qty": n}} }

func helpers(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) error {
	c.UpdateOne(ctx, byID(id), bson.M{"$set": bson.M{"name": name}})          // want `UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, byID(id), setStatus("done"))                             // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, byID(id), setFields(bson.M{"name": name, "email": "e"})) // want `UpdateOne sets "name", "email" but its filter matches only "_id"`
	c.UpdateOne(ctx, activeByID(id), setStatus("done"))                       // want `UpdateOne sets "status" but its filter matches only "_id", "active"`
	c.UpdateOne(ctx, byID(id), incQty(1))                                     // only $inc
	_, err := c.UpdateOne(ctx, casFilter(id, "new"), setStatus("running"))    // want `UpdateOne is conditional on "status" but its result is discarded`
	res, err := c.UpdateOne(ctx, casFilter(id, "running"), setStatus("done")) // a guard, checked
	if err == nil && res.MatchedCount == 0 {
		return err
	}
	return err
}

var shared = bson.M{}

// A helper with two returns gives one of two filters; neither guards.
func twoReturns(id bson.ObjectID, admin bool) bson.M {
	if admin {
		return bson.M{"_id": id}
	}
	return bson.M{"_id": id, "owner": "me"}
}

// A helper that adds a key to the caller's document.
func changesParam(f bson.M) bson.M {
	f["tenant"] = 1
	return f
}

// Not a helper: the analyzer cannot read what it returns, so it is silent.

func fromGlobal() bson.M { return shared }

func notHelpers(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, twoReturns(id, true), setStatus("done"))            // want `UpdateOne sets "status" but its filter matches only "_id", "owner"`
	c.UpdateOne(ctx, changesParam(bson.M{"_id": id}), setStatus("done")) // want `UpdateOne sets "status" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, fromGlobal(), setStatus("done"))
	// The fields are unknown, but an _id-only filter never guards.
	c.UpdateOne(ctx, byID(id), setFields(shared)) // want `UpdateOne sets fields with \$set but its filter matches only "_id"`
}

type Page struct {
	ID      bson.ObjectID `bson:"_id"`
	Title   string        `bson:"title"`
	Version int           `bson:"version"`
}

func stamp(title string) bson.M {
	return bson.M{"title": title, "at": time.Now()}
}

// Values computed inside a helper are read as unknown values.
func stamped(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var p Page
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": stamp(p.Title + "!")}) // want `^read-modify-write: UpdateOne sets "title", "at"`
	return err
}
