// The version-fields setting, run with -version-fields=revision: the
// configured name replaces the defaults (version, _version, __v, rev,
// _rev). The version-guard fix uses revision; a filter on revision is a
// version guard that stale-write-back accepts; a field named version is
// no longer a version field, for the fix or for stale-write-back.
package fixrev

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Doc struct {
	ID       bson.ObjectID `bson:"_id"`
	Body     string        `bson:"body"`
	Revision int64         `bson:"revision"`
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
	var d Doc
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&d); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": d.ID}, bson.M{"$set": bson.M{"body": body + d.Body}}) // want `UpdateOne sets "body"`
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

// The only guard is a check and an increment of revision: a version
// guard, not a stale write-back.
func replaceRev(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var d Doc
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&d); err != nil {
		return err
	}
	rev := d.Revision
	d.Revision++
	d.Body = body
	res, err := c.ReplaceOne(ctx, bson.M{"_id": d.ID, "revision": rev}, d)
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
