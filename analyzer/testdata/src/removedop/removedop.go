package removedop

import (
	"context"

	"example.com/fakemongo"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// "Atomic Operations": $atomic isolated a multi-update; MongoDB 4.0 rejects it.
func bumpAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.M{"x": 1, "$atomic": 1}, bson.M{"$inc": bson.M{"y": 1}}) // want `^UpdateMany sends \$atomic in its filter, which MongoDB 4.0 removed: the server rejects the write; writes to several documents are atomic together only in a transaction \(removed-operator\)$`
	return err
}

// "Isolate Sequence of Operations": $isolated, its later name, in an ordered filter.
func countAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.D{{Key: "$isolated", Value: 1}, {Key: "status", Value: "A"}}, bson.D{{Key: "$inc", Value: bson.D{{Key: "count", Value: 1}}}}) // want `UpdateMany sends \$isolated in its filter`
	return err
}

// A filter variable over several lines: the values stay aligned.
func closeOwned(ctx context.Context, c *mongo.Collection, owner string) error {
	filter := bson.M{
		"status":    "open",
		"$isolated": true,
		"owner":     owner,
	}
	_, err := c.UpdateMany(ctx, filter, bson.M{"$inc": bson.M{"closed": 1}}) // want `UpdateMany sends \$isolated in its filter`
	return err
}

// Runs of one-line elements align on their own; a multi-line value ends a run.
func closeNested(ctx context.Context, c *mongo.Collection, owner string) error {
	filter := bson.M{
		"a":         1,
		"$isolated": 1,
		"meta": bson.M{
			"kind": "x",
		},
		"owner_name_long": owner,
		"b":               2,
	}
	_, err := c.UpdateMany(ctx, filter, bson.M{"$inc": bson.M{"closed": 1}}) // want `UpdateMany sends \$isolated in its filter`
	ordered := bson.D{
		{Key: "status", Value: "open"},
		{Key: "$atomic", Value: 1},
	}
	_, err = c.UpdateMany(ctx, ordered, bson.M{"$inc": bson.M{"closed": 1}}) // want `UpdateMany sends \$atomic in its filter`
	only := bson.M{
		"$isolated": 1,
	}
	_, err = c.DeleteMany(ctx, only) // want `DeleteMany sends \$isolated in its filter`
	return err
}

// The only key: what remains matches every document, as the write meant.
func touchAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.M{"$isolated": 1}, bson.M{"$inc": bson.M{"seen": 1}}) // want `UpdateMany sends \$isolated in its filter`
	return err
}

// Deletes took $isolated too.
func purge(ctx context.Context, c *mongo.Collection) error {
	_, err := c.DeleteMany(ctx, bson.M{"status": "stale", "$isolated": 1}) // want `DeleteMany sends \$isolated in its filter`
	return err
}

func take(ctx context.Context, c *mongo.Collection) error {
	return c.FindOneAndDelete(ctx, bson.D{{"queue", "q"}, {"$isolated", 1}}).Err() // want `FindOneAndDelete sends \$isolated in its filter`
}

// Bulk-write models and updates by ID.
func models(id any) []mongo.WriteModel {
	return []mongo.WriteModel{
		mongo.NewUpdateManyModel().SetFilter(bson.M{"x": 1, "$isolated": 1}).SetUpdate(bson.M{"$inc": bson.M{"y": 1}}), // want `UpdateManyModel sends \$isolated in its filter`
	}
}

// $pushAll appended an array; MongoDB 3.6 rejects it.
func tag(ctx context.Context, c *mongo.Collection, id any, tags []string) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pushAll": bson.M{"tags": tags}}) // want `^UpdateOne sends \$pushAll, which MongoDB 3.6 removed: the server rejects the update; use \$push with \$each \(removed-operator\)$`
	return err
}

func tagOrdered(ctx context.Context, c *mongo.Collection, id any, tags, owners []string) error {
	_, err := c.UpdateByID(ctx, id, bson.D{{Key: "$pushAll", Value: bson.D{{Key: "tags", Value: tags}, {Key: "owners", Value: owners}}}}) // want `UpdateByID sends \$pushAll`
	return err
}

func tagMap(ctx context.Context, c *mongo.Collection, id any, tags []string) error {
	_, err := c.UpdateOne(ctx, map[string]any{"_id": id}, map[string]any{"$pushAll": map[string]any{"tags": tags}}) // want `UpdateOne sends \$pushAll`
	return err
}

// The update over several lines: "$push" is shorter, the values move.
func tagAndCount(ctx context.Context, c *mongo.Collection, id any, tags []string) error {
	update := bson.M{
		"$inc":     bson.M{"n": 1},
		"$pushAll": bson.M{"tags": tags},
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, update) // want `UpdateOne sends \$pushAll`
	return err
}

// Reported without a fix: a $push already there, a $pushAll document that
// is not written in place, values that cannot hold {$each: ...}, a key
// added later, a value that is not a constant.
func noFix(ctx context.Context, c *mongo.Collection, id any, tags []string, flag bool) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$push": bson.M{"a": 1}, "$pushAll": bson.M{"tags": tags}}) // want `UpdateOne sends \$pushAll`
	fields := bson.M{"tags": tags}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pushAll": fields})                            // want `UpdateOne sends \$pushAll`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pushAll": map[string][]string{"tags": tags}}) // want `UpdateOne sends \$pushAll`
	filter := bson.M{"x": 1}
	filter["$isolated"] = 1
	c.UpdateMany(ctx, filter, bson.M{"$inc": bson.M{"y": 1}})                            // want `UpdateMany sends \$isolated`
	c.UpdateMany(ctx, bson.M{"x": 1, "$isolated": flag}, bson.M{"$inc": bson.M{"y": 1}}) // want `UpdateMany sends \$isolated`
}

// A wrapper passes the caller's filter on: reported, and fixed, at the call.
func updateAll(ctx context.Context, c *mongo.Collection, filter, update any) error {
	_, err := c.UpdateMany(ctx, filter, update)
	return err
}

func viaWrapper(ctx context.Context, c *mongo.Collection) error {
	return updateAll(ctx, c, bson.M{"x": 1, "$atomic": true}, bson.M{"$inc": bson.M{"y": 1}}) // want `updateAll \(UpdateMany\) sends \$atomic in its filter`
}

// Silent: the fixed forms, operators that still exist, and a look-alike
// package.
func fine(ctx context.Context, c *mongo.Collection, f *fakemongo.Collection, id any, tags []string) {
	c.UpdateMany(ctx, bson.M{"x": 1}, bson.M{"$inc": bson.M{"y": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$push": bson.M{"tags": bson.M{"$each": tags}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pullAll": bson.M{"tags": tags}})
	c.UpdateMany(ctx, bson.M{"x": 1, "$comment": "nightly"}, bson.M{"$inc": bson.M{"y": 1}})
	f.UpdateOne(ctx, fakemongo.M{"x": 1, "$isolated": 1}, fakemongo.M{"$pushAll": fakemongo.M{"tags": tags}})
}
