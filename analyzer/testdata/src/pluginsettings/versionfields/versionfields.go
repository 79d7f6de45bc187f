// The version-fields setting, given as -version-fields=docRevision or as
// the plugin setting version-fields: [docRevision], replaces the default
// version fields (version, _version, __v, rev, _rev) and keeps the case
// of the name: the
// fix guards with docRevision, a filter on docRevision is a version guard
// that stale-write-back accepts, and a field named version is no longer a
// version field.
package versionfields

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Page struct {
	ID          bson.ObjectID `bson:"_id"`
	Body        string        `bson:"body"`
	DocRevision int64         `bson:"docRevision"`
}

// Legacy has a field named version, a default version field that the
// setting replaces.
type Legacy struct {
	ID      bson.ObjectID `bson:"_id"`
	Body    string        `bson:"body"`
	Version int64         `bson:"version"`
}

// The fix guards with the configured field.
func edit(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var p Page
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": bson.M{"body": body + p.Body}}) // want `UpdateOne sets "body"`
	return err
}

// version is not a version field under the setting: no version-guard fix.
func editLegacy(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var l Legacy
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&l); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": l.ID}, bson.M{"$set": bson.M{"body": body + l.Body}}) // want `UpdateOne sets "body"`
	return err
}

// The only guard is a check and an increment of docRevision: a version
// guard, not a stale write-back.
func replaceRev(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var p Page
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	rev := p.DocRevision
	p.DocRevision++
	p.Body = body
	res, err := c.ReplaceOne(ctx, bson.M{"_id": p.ID, "docRevision": rev}, p)
	if err == nil && res.MatchedCount == 0 {
		return errors.New("changed since read")
	}
	return err
}

// The same write guarded by version checks only version: the body read is
// written back blindly.
func replaceLegacy(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var l Legacy
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&l); err != nil {
		return err
	}
	v := l.Version
	l.Version++
	res, err := c.ReplaceOne(ctx, bson.M{"_id": l.ID, "version": v}, l) // want `^ReplaceOne writes back the whole document l read by FindOne, but its filter checks only "version": a change another writer made to "body" since the read`
	if err == nil && res.MatchedCount == 0 {
		return errors.New("changed since read")
	}
	return err
}
