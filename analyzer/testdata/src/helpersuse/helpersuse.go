// Calls of helpers and wrappers of another package, read from their facts.
package helpersuse

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"helpersdep"
)

func direct(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	c.UpdateOne(ctx, helpersdep.ByID(id), helpersdep.Set(bson.M{"name": name}))             // want `UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, helpersdep.CASFilter(id, "new"), helpersdep.Set(bson.M{"name": name})) // want `UpdateOne sets "name" but its filter matches only "_id", "status"`
	c.UpdateOne(ctx, helpersdep.ByID(id), bson.M{"$inc": bson.M{"n": 1}})
}

func wrappers(ctx context.Context, s *helpersdep.Store, id bson.ObjectID, name string) error {
	s.Update(ctx, helpersdep.ByID(id), bson.M{"$set": bson.M{"name": name}}) // want `Store.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.UpdateByID(ctx, id, bson.M{"$set": bson.M{"name": name}})              // want `Store.UpdateByID \(UpdateByID\) sets "name" but its filter matches only "_id"`
	s.SetName(ctx, bson.M{"_id": id}, name)                                  // want `Store.SetName \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.SetName(ctx, bson.M{"_id": id, "name": "old"}, name)                   // want `Store.SetName \(UpdateOne\) is conditional on "name" but its result is discarded`
	s.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"n": 1}})

	// Conditional writes: only the result says who won.
	claim := helpersdep.CASFilter(id, "new")
	running := bson.M{"$set": bson.M{"status": "running"}}
	_, err := s.Update(ctx, claim, running) // want `Store.Update \(UpdateOne\) is conditional on "status" but its result is discarded`
	res, err := s.Update(ctx, claim, running)
	if err == nil && res.MatchedCount == 0 {
		return err
	}
	if err := s.Save(ctx, claim, running); err != nil { // want `helpersdep.Store.Save \(UpdateOne\) is conditional on "status" but helpersdep.Store.Save discards the result of UpdateOne`
		return err
	}
	ok, err := s.Claim(ctx, claim, running)
	_ = ok
	s.FindAndModify(ctx, claim, running) // want `Store.FindAndModify \(FindOneAndUpdate\) is conditional on "status" but its result is dropped`
	if err := s.FindAndModify(ctx, claim, running).Err(); err != nil {
		return err
	}
	return err
}

// Helpers with several returns, or built in branches, in another package.
func builders(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, helpersdep.StateFilter(id, ""), helpersdep.Touch("x", false))               // want `UpdateOne sets "name", "role" but its filter matches only "_id", "state"`
	c.UpdateOne(ctx, helpersdep.StateFilter(id, "new"), bson.M{"$set": bson.M{"state": "done"}}) // want `UpdateOne is conditional on "state" but its result is discarded`
}

// Documents built from functional options of another package.
func options(ctx context.Context, c *mongo.Collection, id bson.ObjectID, opts []helpersdep.Option) {
	c.UpdateOne(ctx, helpersdep.ByIDWith(id), helpersdep.NewDoc(helpersdep.SetDoc(helpersdep.NewDoc(helpersdep.Name("x"))))) // want `UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, helpersdep.ByIDWith(id, helpersdep.State("new")), bson.M{"$set": bson.M{"state": "done"}})              // want `UpdateOne is conditional on "state" but its result is discarded`
	c.UpdateOne(ctx, helpersdep.ByIDWith(id, helpersdep.Name("x")), bson.M{"$set": bson.M{"state": "done"}})                 // want `UpdateOne sets "state" but its filter matches only "_id", "name"`
	// Options that are not read leave the filter unknown.
	c.UpdateOne(ctx, helpersdep.ByIDWith(id, opts...), bson.M{"$set": bson.M{"state": "done"}})
	c.UpdateOne(ctx, helpersdep.ByIDWith(id, func(m bson.M) { m["state"] = "new" }), bson.M{"$set": bson.M{"state": "done"}})
}

func extended(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, helpersdep.Live(bson.D{{Key: "_id", Value: id}}, false), bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateOne sets "name" but its filter matches only "_id", "deletedAt"`
}

// A request object of another package, filled by setters in a chain or
// in statements, and written by its wrapper.
func changes(ctx context.Context, s helpersdep.ChangeStore, id bson.ObjectID, name string) error {
	ch := helpersdep.NewChange().Retries(3).Filter(bson.M{"_id": id})
	ch.Update(bson.M{"$set": bson.M{"name": name}})
	if err := s.Apply(ctx, ch); err != nil { // want `helpersdep.ChangeStore.Apply \(FindOneAndUpdate\) sets "name" but its filter matches only "_id"`
		return err
	}
	guarded := helpersdep.NewChange().Filter(bson.M{"_id": id, "name": name})
	guarded.Update(bson.M{"$set": bson.M{"name": name + "!"}})
	if err := s.Apply(ctx, guarded); err != nil {
		return err // the filter's name guards; ErrNoDocuments is an error, so its outcome is read
	}
	// Value sets the filter of a copy: v keeps its guard.
	v := helpersdep.NewChange().Filter(bson.M{"_id": id, "name": name})
	v.Update(bson.M{"$set": bson.M{"name": name + "?"}})
	v.Value(bson.M{"_id": id})
	return s.Apply(ctx, v)
}
