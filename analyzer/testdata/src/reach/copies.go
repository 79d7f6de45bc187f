package reach

import (
	"context"
	"errors"
	"maps"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A helper that copies the filter it is given into a new one and adds a
// key: the caller's keys, and the one added.
func WithTenant(ctx context.Context, filter bson.M) bson.M { // want WithTenant:`helper \$1 \+ \{tenant: \?\}`
	out := bson.M{}
	for k, v := range filter {
		out[k] = v
	}
	out["tenant"] = ctx.Value("tenant")
	return out
}

// A helper that takes any document and switches on its type; a struct
// goes through a function that reads it by reflection.
func Scoped(ctx context.Context, doc any) bson.D { // want Scoped:`helper \(\[\$1 is \.\.\.\] \{v: \$1, \.\.\.\} \| \[\$1 is go.mongodb.org/mongo-driver/v2/bson.D\] \$1 \+ \{tenant: \?\} \| \[\$1 is go.mongodb.org/mongo-driver/v2/bson.M\] \$1 \+ \{tenant: \?\} \| \[\$1 is \.\.\.\] \?\)`
	tenant := bson.E{Key: "tenant", Value: ctx.Value("tenant")}
	var res bson.D
	switch v := doc.(type) {
	case bson.M:
		res = make(bson.D, 0, len(v)+1)
		for k, x := range v {
			res = append(res, bson.E{Key: k, Value: x})
		}
	case bson.D:
		res = make(bson.D, len(v), len(v)+1)
		copy(res, v)
	case bson.Marshaler:
		b, err := v.MarshalBSON()
		if err != nil {
			return nil
		}
		if err := bson.Unmarshal(b, &res); err != nil {
			return nil
		}
	default:
		return fromStruct(v, tenant)
	}
	return append(res, tenant)
}

func fromStruct(v any, extra bson.E) bson.D { return bson.D{extra, {Key: "v", Value: v}} }

type tenantDoc struct {
	ID bson.ObjectID `bson:"_id"`
}

func copiedFilters(ctx context.Context, c *mongo.Collection, id bson.ObjectID, old string, anyDoc any) {
	set := bson.M{"$set": bson.M{"name": "x"}}
	c.UpdateOne(ctx, WithTenant(ctx, bson.M{"_id": id}), set)                          // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, Scoped(ctx, bson.D{{Key: "_id", Value: id}}), set)                // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, Scoped(ctx, bson.M{"_id": id}), set)                              // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, Scoped(ctx, tenantDoc{ID: id}), set)                              // the reflection case: not read
	c.UpdateOne(ctx, Scoped(ctx, anyDoc), set)                                         // any case may run
	res, err := c.UpdateOne(ctx, WithTenant(ctx, bson.M{"_id": id, "name": old}), set) // guarded by the copied key
	_, _ = res.MatchedCount, err

	// Copies in the caller.
	base := bson.M{"_id": id}
	f := bson.M{}
	maps.Copy(f, base)
	c.UpdateOne(ctx, f, set) // want `UpdateOne sets "name" but its filter matches only "_id"`

	d := bson.D{{Key: "tenant", Value: 1}}
	d = append(d, bson.D{{Key: "_id", Value: id}}...)
	c.UpdateOne(ctx, d, set) // want `UpdateOne sets "name" but its filter matches only "tenant", "_id"`

	var g bson.D
	for _, e := range (bson.D{{Key: "_id", Value: id}}) {
		g = append(g, e)
	}
	c.UpdateOne(ctx, g, set) // want `UpdateOne sets "name" but its filter matches only "_id"`

	// A loop that copies only some entries is no copy.
	h := bson.M{}
	for k := range base {
		h[k] = 1
	}
	c.UpdateOne(ctx, h, set)
}

// An optimistic-lock wrapper: it copies the filter and adds the version
// it expects, and sets the next version through the $set it is given
// (a write through a type assertion). The version guards every write.
func updateLocked(ctx context.Context, c *mongo.Collection, filter, update bson.M, version int) error {
	versioned := make(bson.M, len(filter)+1)
	for k, v := range filter {
		versioned[k] = v
	}
	versioned["version"] = version
	if update["$set"] == nil {
		update["$set"] = bson.M{}
	}
	update["$set"].(bson.M)["version"] = version + 1
	res, err := c.UpdateOne(ctx, versioned, update)
	if err == nil && res.ModifiedCount == 0 {
		return errLocked
	}
	return err
}

var errLocked = errors.New("changed by another writer")

func useLocked(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	return updateLocked(ctx, c, bson.M{"_id": id}, bson.M{"$set": bson.M{"data": "x"}}, 3)
}

// A key added to the $set of an update through a type assertion.
func nestedKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, phone string, released bool, version int) error {
	update := bson.M{"$set": bson.M{"status": "active"}}
	if released {
		update["$set"].(bson.M)["until"] = nil
	}
	c.UpdateOne(ctx, bson.M{"phone": phone}, update) // want `UpdateOne sets "status", "until" but its filter matches only "phone"`

	// The version is set there: the filter's version guards the write.
	bump := bson.M{"$set": bson.M{"name": "x"}}
	bump["$set"].(bson.M)["version"] = version + 1
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "version": version}, bump)
	if err == nil && res.MatchedCount == 0 {
		return errLocked
	}
	return err
}
