package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Document types with setter methods: each call adds the keys its method
// adds to the receiver.
type settingFilter bson.M

func newSettingFilter() settingFilter { return settingFilter{} }

func (f settingFilter) WithKey(key string) { f["key"] = key } // want WithKey:`option \{key: \$0\}`

func (f settingFilter) WithOwner(owner string) { // want WithOwner:`option \{owner: \$0\}`
	f["owner"] = owner
}

type settingUpdate bson.M

func (u settingUpdate) SetValue(v string) { u["$set"] = bson.M{"value": v} } // want SetValue:`option \{\$set: \{value: \$0\}\}`

func storeSetting(ctx context.Context, c *mongo.Collection, key, value string) error {
	f := newSettingFilter()
	f.WithKey(key)
	u := settingUpdate{}
	u.SetValue(value)
	_, err := c.UpdateOne(ctx, f, u) // want `UpdateOne sets "value" but its filter matches only "key"`
	return err
}

func claimSetting(ctx context.Context, c *mongo.Collection, key string) error {
	f := newSettingFilter()
	f.WithKey(key)
	f.WithOwner("")
	_, err := c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"owner": "me"}}) // want `UpdateOne is conditional on "owner" but its result is discarded`
	return err
}

// A function that only adds keys to the document it is given: its call
// adds them to the caller's variable.
func addID(f bson.M, id any) {
	f["_id"] = id
}

// One that does more is not read: the document is unknown after it.
func addOrDrop(f bson.M, id any) {
	if id == nil {
		delete(f, "_id")
		return
	}
	f["_id"] = id
}

func renameByAdder(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) error {
	f := bson.M{}
	addID(f, id)
	_, err := c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func renameByDropper(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) error {
	f := bson.M{"name": "old"}
	addOrDrop(f, id)
	_, err := c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"name": name}})
	return err
}

// A key adder that parses its value first, and fails when it cannot.
func addHexID(f map[string]interface{}, id string) error {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return err
	}
	f["_id"] = oid
	return nil
}

func renameByHex(ctx context.Context, c *mongo.Collection, id, name string) error {
	filter := make(map[string]interface{})
	if err := addHexID(filter, id); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}
