package reach

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"reachtags"
)

// Keys held by package-level variables that nothing assigns.
var (
	stateKey = "state"
	ownerKey = "owner"
	movedKey = "moved"
)

func setMoved() { movedKey = "gone" }

type host struct {
	ID    bson.ObjectID `bson:"_id"`
	State string        `bson:"state,omitempty"`
	Owner string        `json:"owner_name" bson:"owner"`
}

// Keys read from bson tags by a helper of another package.
var (
	hostState = reachtags.Of(host{}, "State")
	hostOwner = reachtags.Of(&host{}, "Owner")
	jsonOwner = reachtags.JSON(host{}, "Owner")
)

func varKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, owner string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{ownerKey: owner}})                                     // want `UpdateOne sets "owner" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, stateKey: "free"}, bson.M{"$set": bson.M{stateKey: "held", ownerKey: owner}}) // want `UpdateOne is conditional on "state" but its result is discarded`
	// A variable assigned elsewhere is not a key the analyzer knows.
	c.UpdateOne(ctx, bson.M{"_id": id, movedKey: "x"}, bson.M{"$set": bson.M{"name": owner}})
}

func tagKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, owner string) error {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{hostOwner: owner}}) // want `UpdateOne sets "owner" but its filter matches only "_id"`
	if err != nil || res.MatchedCount == 0 {
		return err
	}
	c.UpdateOne(ctx, bson.M{"_id": id, hostState: "free"}, bson.M{"$set": bson.M{hostState: "held"}})                   // want `UpdateOne is conditional on "state" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Of(host{}, "State"): "held"}, bson.M{"$set": bson.M{"state": "free"}}) // want `UpdateOne is conditional on "state" but its result is discarded`
	// A json key is no bson key: unknown, and a filter on it may guard.
	c.UpdateOne(ctx, bson.M{"_id": id, jsonOwner: owner}, bson.M{"$set": bson.M{"state": "x"}})
	return nil
}

// A path made of a tag is no key of the field: a filter on it may guard.
func metaKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Meta(host{}, "State"): "a"}, bson.M{"$set": bson.M{"meta.state": "b"}})
}

// A key formatted under a constant path is a path under it: it cannot be
// the filter's owner, so the owner guards nothing.
func setLimit(ctx context.Context, c *mongo.Collection, owner, name string, v int) error {
	key := fmt.Sprintf("limits.%s", name)
	_, err := c.UpdateOne(ctx, bson.M{"owner": owner}, bson.M{"$set": bson.M{key: v}}) // want `UpdateOne sets "limits" but its filter matches only "owner"`
	return err
}

// A format that starts with its argument may be any key: silent.
func setAny(ctx context.Context, c *mongo.Collection, owner, name string, v int) error {
	_, err := c.UpdateOne(ctx, bson.M{"owner": owner}, bson.M{"$set": bson.M{fmt.Sprintf("%s.limit", name): v}})
	return err
}

// Keys and the operator named by variables of a package that does not use
// the driver.
func keysOfConstantsPackage(ctx context.Context, c *mongo.Collection, id bson.ObjectID, s string) {
	c.UpdateOne(ctx, bson.M{reachtags.KeyID: id}, bson.M{reachtags.OpSet: bson.M{reachtags.KeyStatus: s}})                             // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{reachtags.KeyID: id, reachtags.KeyStatus: "new"}, bson.M{reachtags.OpSet: bson.M{reachtags.KeyStatus: s}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	// A variable its package assigns holds no known key.
	c.UpdateOne(ctx, bson.M{reachtags.KeyID: id, reachtags.Moved: "x"}, bson.M{reachtags.OpSet: bson.M{"moved": s}})
}

// A path joined by a helper of a package that does not use the driver.
func joinedKeys(ctx context.Context, c *mongo.Collection, id, addr bson.ObjectID, s string) {
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Join("addresses", "_id"): addr}, bson.M{"$set": bson.M{reachtags.Join("profile", "primary"): s}}) // want `UpdateOne sets "profile.primary" but its filter matches only "_id", "addresses._id"`
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Join("profile", "primary"): "x"}, bson.M{"$set": bson.M{"profile.primary": s}})                   // want `UpdateOne is conditional on "profile.primary" but its result is discarded`
	// An argument not known: a path under "profile", as "profile." + s is.
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Join("profile", s): "x"}, bson.M{"$set": bson.M{"profile.primary": s}}) // want `UpdateOne is conditional on "profile" but its result is discarded`
	// Not even the first field known: no key.
	c.UpdateOne(ctx, bson.M{"_id": id, reachtags.Join(s, "primary"): "x"}, bson.M{"$set": bson.M{"profile.primary": s}})
}
