package reach

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Setting struct {
	Kind  string `bson:"kind"`
	Value int    `bson:"value"`
}

type Device struct {
	UDID string `bson:"udid"`
	Name string `bson:"name"`
}

// A struct built in a local variable and set whole writes its kind back:
// the filter's kind guards nothing.
func saveSetting(ctx context.Context, c *mongo.Collection, v int) {
	s := Setting{Kind: "limits", Value: v}
	c.UpdateOne(ctx, bson.M{"kind": "limits"}, bson.M{"$set": s}) // want `UpdateOne sets "kind", "value" but its filter matches only "kind" and it writes "kind" back unchanged`
}

// Its field changed since: the value is no longer the literal's.
func saveSettingChanged(ctx context.Context, c *mongo.Collection, v int, kind string) {
	s := Setting{Kind: "limits", Value: v}
	s.Kind = kind
	c.UpdateOne(ctx, bson.M{"kind": "limits"}, bson.M{"$set": s})
}

// A dereferenced pointer is the struct it points to.
func saveDevice(ctx context.Context, c *mongo.Collection, d *Device) {
	c.UpdateOne(ctx, bson.M{"udid": d.UDID}, bson.M{"$set": *d}) // want `UpdateOne sets "udid", "name" but its filter matches only "udid" and it writes "udid" back unchanged`
}

// {name: {$eq: n}} is an equality: writing n back is no guard.
func eqWriteBack(ctx context.Context, c *mongo.Collection, n string) {
	c.UpdateOne(ctx, bson.M{"name": bson.M{"$eq": n}}, bson.M{"$set": bson.M{"name": n, "seen": true}}) // want `UpdateOne sets "name", "seen" but its filter matches only "name" and it writes "name" back unchanged`
	c.UpdateOne(ctx, bson.M{"name": bson.M{"$eq": n}}, bson.M{"$set": bson.M{"name": "other"}})         // want `UpdateOne is conditional on "name"`
}

// A path computed under a known field is a path under that field.
func dottedKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, user string, score int) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"scores." + user: score}})                              // want `UpdateOne sets "scores" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, "scores." + user: score - 1}, bson.M{"$set": bson.M{"scores." + user: score}}) // want `UpdateOne is conditional on "scores" but its result is discarded`
}

type Owner struct {
	ID   string `bson:"id"`
	Name string `bson:"name"`
}

type Pet struct {
	Owner Owner `bson:"owner"`
}

// A $set of a parent of the filter's field may write the field back as it
// was: neither a sure guard nor surely none, so nothing is said.
func setParent(ctx context.Context, c *mongo.Collection, p Pet) {
	c.UpdateOne(ctx, bson.M{"owner.id": p.Owner.ID}, bson.M{"$set": bson.M{"owner": p.Owner}})
}

// A parent set to nil surely changes the field under it: a guard.
func releaseParent(ctx context.Context, c *mongo.Collection, owner string) {
	c.UpdateOne(ctx, bson.M{"owner.id": owner}, bson.M{"$set": bson.M{"owner": nil}}) // want `UpdateOne is conditional on "owner.id" but its result is discarded`
}

// In a loop, the filter and the replacement are read in the same turn:
// the name matched is the name written back.
func replaceEach(ctx context.Context, c *mongo.Collection, in <-chan Setting) {
	for s := range in {
		c.ReplaceOne(ctx, bson.M{"kind": s.Kind}, s) // want `ReplaceOne replaces the whole document but its filter matches only "kind" and it writes "kind" back unchanged`
	}
}

type member struct {
	ID   bson.ObjectID `bson:"id"`
	Name string        `bson:"name"`
}

// A subdocument written back whole under a filter on its own id: the id
// is written as it was matched, and the rest of the document blindly.
func renameMember(ctx context.Context, c *mongo.Collection, m member, pm *member, other member) {
	c.UpdateMany(ctx, bson.M{"sender.id": m.ID}, bson.M{"$set": bson.M{"sender": m}})     // want `UpdateMany sets "sender" but its filter matches only "sender.id" and it writes "sender.id" back unchanged`
	c.UpdateMany(ctx, bson.M{"sender.id": pm.ID}, bson.M{"$set": bson.M{"sender": pm}})   // want `UpdateMany sets "sender" but its filter matches only "sender.id"`
	c.UpdateMany(ctx, bson.M{"sender.id": other.ID}, bson.M{"$set": bson.M{"sender": m}}) // another member: the id may change
	c.UpdateMany(ctx, bson.M{"sender.name": m.ID}, bson.M{"$set": bson.M{"sender": m}})   // another field: unsure
}

// The member changed between the filter and the write: the id may differ.
func moveMember(ctx context.Context, c *mongo.Collection, m member, id bson.ObjectID) {
	filter := bson.M{"sender.id": m.ID}
	m.ID = id
	c.UpdateMany(ctx, filter, bson.M{"$set": bson.M{"sender": m}})
}

type Tracking struct {
	ID       string `bson:"_id"`
	Domain   string `bson:"domain"`
	Revision string `bson:"revision"`
	Data     string `bson:"data"`
}

type Meta struct {
	Revision string `bson:"revision"`
}

type Embedded struct {
	Meta `bson:",inline"`
	Data string `bson:"data"`
}

// The struct is written whole, and its filter fields back unchanged: a
// change of another field of it, on any path, does not make them a guard.
func track(ctx context.Context, c *mongo.Collection, d *Tracking, fresh bool) error {
	f := bson.M{"revision": d.Revision, "domain": d.Domain}
	if fresh {
		d.ID = "new"
		_, err := c.InsertOne(ctx, d)
		return err
	}
	d.Data = "seen"
	_, err := c.UpdateOne(ctx, f, bson.D{{Key: "$set", Value: d}}) // want `UpdateOne sets "domain", "revision", "data" but its filter matches only "revision", "domain" and it writes "revision", "domain" back unchanged`
	return err
}

// The filter field itself changes before the write: the filter matches
// the old value and the write sets the new one, a guard.
func retrack(ctx context.Context, c *mongo.Collection, d *Tracking) error {
	f := bson.M{"revision": d.Revision}
	d.Revision = d.Revision + "+1"
	res, err := c.UpdateOne(ctx, f, bson.D{{Key: "$set", Value: d}})
	if err == nil && res.MatchedCount == 0 {
		return errTrackConflict
	}
	return err
}

// A promoted field changes with its embedded struct.
func trackEmbedded(ctx context.Context, c *mongo.Collection, d *Embedded, m Meta) error {
	f := bson.M{"revision": d.Revision}
	d.Meta = m
	res, err := c.UpdateOne(ctx, f, bson.D{{Key: "$set", Value: d}})
	if err == nil && res.MatchedCount == 0 {
		return errTrackConflict
	}
	return err
}

type apiToken struct {
	TokenID string
	Team    string
	Scope   string
}

// tokenDoc has apiToken's fields, under its own tags.
type tokenDoc struct {
	TokenID string `bson:"token_id"`
	Team    string `bson:"team"`
	Scope   string `bson:"scope"`
}

// The replacement converts the struct whose field the filter matches: it
// writes that field back as it was.
func saveToken(ctx context.Context, c *mongo.Collection, t apiToken) error {
	_, err := c.ReplaceOne(ctx, bson.M{"token_id": t.TokenID}, tokenDoc(t)) // want `ReplaceOne replaces the whole document but its filter matches only "token_id" and it writes "token_id" back unchanged`
	return err
}

var errTrackConflict = errors.New("tracking changed")

// A converter maps an entity to its storage model: the model's fields
// that copy the entity's write them back.
type deviceEntity struct {
	ID    bson.ObjectID
	Owner string
	Name  string
}

type deviceModel struct {
	ID    bson.ObjectID `bson:"_id"`
	Owner string        `bson:"owner"`
	Name  string        `bson:"name"`
	At    int64         `bson:"at"`
}

func FromEntity(e *deviceEntity) *deviceModel { // want FromEntity:`converter \{ID: \$0.ID, Name: \$0.Name, Owner: \$0.Owner\}`
	return &deviceModel{ID: e.ID, Owner: e.Owner, Name: e.Name}
}

func (e deviceEntity) model() deviceModel { return deviceModel{ID: e.ID, Owner: e.Owner} }

func saveDeviceModel(ctx context.Context, c *mongo.Collection, e *deviceEntity) error {
	m := FromEntity(e)
	m.At = 1
	if _, err := c.ReplaceOne(ctx, bson.M{"_id": e.ID, "owner": e.Owner}, m); err != nil { // want `ReplaceOne replaces the whole document but its filter matches only "_id", "owner" and it writes "owner" back unchanged`
		return err
	}
	_, err := c.ReplaceOne(ctx, bson.M{"_id": e.ID, "owner": e.Owner}, e.model()) // want `ReplaceOne replaces the whole document but its filter matches only "_id", "owner" and it writes "owner" back unchanged`
	return err
}

// The owner changed after the conversion: the filter's owner guards.
func moveDevice(ctx context.Context, c *mongo.Collection, e *deviceEntity, to string) error {
	m := FromEntity(e)
	m.Owner = to
	res, err := c.ReplaceOne(ctx, bson.M{"_id": e.ID, "owner": e.Owner}, m)
	if err == nil && res.MatchedCount == 0 {
		return errTrackConflict
	}
	return err
}
