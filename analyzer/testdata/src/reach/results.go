package reach

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Helpers that return a document with an error, or with other values.

func idFilter(id string) (bson.M, error) {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return nil, err
	}
	return bson.M{"_id": oid}, nil
}

type Profile struct {
	Name string `bson:"name"`
}

func profileUpdate(p Profile) (Profile, bson.M, error) {
	if p.Name == "" {
		return p, nil, errors.New("no name")
	}
	return p, bson.M{"$set": bson.M{"name": p.Name}}, nil
}

func saveProfile(ctx context.Context, c *mongo.Collection, id string, p Profile) error {
	filter, err := idFilter(id)
	if err != nil {
		return err
	}
	_, update, err := profileUpdate(p)
	if err != nil {
		return err
	}
	_, err = c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

// The same, assigned to variables declared before.
func saveProfileAssigned(ctx context.Context, c *mongo.Collection, id string, p Profile) error {
	var filter bson.M
	var err error
	if filter, err = idFilter(id); err != nil {
		return err
	}
	_, err = c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": p.Name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

// A call whose document result is not a helper's stays unknown.
func lookup(m map[string]bson.M, k string) error {
	f, ok := m[k]
	if !ok {
		return errors.New("none")
	}
	return check(f)
}

func check(f bson.M) error { return nil }

// A key whose value is one of a call's results, in a helper of several
// results.
func byHex(hex string) (bson.M, error) {
	filter := bson.M{"deleted": false}
	var err error
	filter["_id"], err = bson.ObjectIDFromHex(hex)
	if err != nil {
		return nil, err
	}
	return filter, nil
}

type Options struct {
	Name  string
	Model Profile
}

// A helper that also fills the model it returns: its struct parameter's
// fields change, and the update it builds is still read.
func renameUpdate(opt Options) (bson.M, Profile, error) {
	set := bson.M{"name": opt.Name}
	opt.Model.Name = opt.Name
	update := bson.M{}
	if len(set) > 0 {
		update["$set"] = set
	}
	return update, opt.Model, nil
}

func rename(ctx context.Context, c *mongo.Collection, hex string, opt Options) (Profile, error) {
	filter, err := byHex(hex)
	if err != nil {
		return Profile{}, err
	}
	update, p, err := renameUpdate(opt)
	if err != nil {
		return Profile{}, err
	}
	_, err = c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "name" but its filter matches only "deleted", "_id"`
	return p, err
}

// A helper that returns both the filter and the update, from one return.
func bucketDocs(tenant, day string, n int) (bson.M, bson.M) {
	filter := bson.M{"tenant": tenant, "day": day}
	return filter, bson.M{"$set": bson.M{"seen": n}, "$inc": bson.M{"hits": 1}}
}

func casDocs(id bson.ObjectID, v int) (bson.M, bson.M, error) {
	if v < 0 {
		return nil, nil, errors.New("negative version")
	}
	return bson.M{"_id": id, "v": v}, bson.M{"$set": bson.M{"name": "x"}, "$inc": bson.M{"v": 1}}, nil
}

// Two returns of documents: which filter goes with which update is not
// kept, and the helper is not read.
func pairDocs(id bson.ObjectID, v int) (bson.M, bson.M) {
	if v > 0 {
		return bson.M{"_id": id, "v": v}, bson.M{"$inc": bson.M{"v": 1}}
	}
	return bson.M{"_id": id}, bson.M{"$set": bson.M{"v": 1}}
}

func twoDocs(ctx context.Context, c *mongo.Collection, id bson.ObjectID, v int) error {
	filter, update := bucketDocs("t", "mon", v)
	if _, err := c.UpdateOne(ctx, filter, update); err != nil { // want `UpdateOne sets "seen" but its filter matches only "tenant", "day"`
		return err
	}
	f, u, err := casDocs(id, v)
	if err != nil {
		return err
	}
	c.UpdateOne(ctx, f, u) // want `UpdateOne is conditional on "v" but its result is discarded`
	f, u = pairDocs(id, v)
	_, err = c.UpdateOne(ctx, f, u)
	return err
}
