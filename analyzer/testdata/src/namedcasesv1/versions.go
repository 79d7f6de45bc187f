package namedcasesv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// Mongoose's version key.
type Post struct {
	ID    primitive.ObjectID `bson:"_id"`
	Title string             `bson:"title"`
	Body  string             `bson:"body"`
	V     int                `bson:"__v"`
}

// CouchDB's revision.
type Doc struct {
	ID   primitive.ObjectID `bson:"_id"`
	Name string             `bson:"name"`
	Body string             `bson:"body"`
	Rev  int                `bson:"_rev"`
}

// Issue 2: a version counter checked in the filter and incremented by the
// update guards it, whatever its name; __v and _rev are default version
// fields.
func versionGuards(ctx context.Context, posts, docs *mongo.Collection, id primitive.ObjectID, v, rev int, title string) (bool, error) {
	res, err := posts.UpdateOne(ctx, bson.M{"_id": id, "__v": v}, bson.M{"$set": bson.M{"title": title}, "$inc": bson.M{"__v": 1}})
	if err != nil || res.MatchedCount == 0 {
		return false, err
	}
	res, err = docs.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "_rev", Value: rev}}, bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: title}}}, {Key: "$inc", Value: bson.D{{Key: "_rev", Value: 1}}}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// Guarded, so a compare-and-swap whose outcome must be read.
func versionGuardsUnchecked(ctx context.Context, posts, docs *mongo.Collection, id primitive.ObjectID, v, rev int, title string) {
	posts.UpdateOne(ctx, bson.M{"_id": id, "__v": v}, bson.M{"$set": bson.M{"title": title}, "$inc": bson.M{"__v": 1}})   // want `^UpdateOne is conditional on "__v" but its result is discarded`
	docs.UpdateOne(ctx, bson.M{"_id": id, "_rev": rev}, bson.M{"$set": bson.M{"name": title}, "$inc": bson.M{"_rev": 1}}) // want `^UpdateOne is conditional on "_rev" but its result is discarded`
}

// The version checked but not incremented guards nothing.
func versionNotIncremented(ctx context.Context, posts *mongo.Collection, id primitive.ObjectID, v int, title string) {
	posts.UpdateOne(ctx, bson.M{"_id": id, "__v": v}, bson.M{"$set": bson.M{"title": title}}) // want `UpdateOne sets "title" but its filter matches only "_id", "__v"`
}

// Issue 6, stale-write-back: "Not reported when the guard is a version
// field". A whole document written back with its __v or _rev checked and
// incremented is the documented version guard.
func versionWriteBack(ctx context.Context, posts, docs *mongo.Collection, id primitive.ObjectID) (bool, error) {
	var p Post
	if err := posts.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return false, err
	}
	v := p.V
	p.V++
	p.Title = "edited"
	res, err := posts.ReplaceOne(ctx, bson.M{"_id": p.ID, "__v": v}, p)
	if err != nil || res.MatchedCount == 0 {
		return false, err
	}

	var d Doc
	if err := docs.FindOne(ctx, bson.M{"_id": id}).Decode(&d); err != nil {
		return false, err
	}
	rev := d.Rev
	d.Rev++
	d.Name = "edited"
	if err := docs.FindOneAndReplace(ctx, bson.M{"_id": d.ID, "_rev": rev}, d).Err(); err != nil {
		return false, err
	}
	return true, nil
}

// The same write-back checking an ordinary field is stale-write-back's
// finding.
func ordinaryWriteBack(ctx context.Context, posts *mongo.Collection, id primitive.ObjectID) (bool, error) {
	var p Post
	if err := posts.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return false, err
	}
	old := p.Title
	p.Title = "edited"
	res, err := posts.ReplaceOne(ctx, bson.M{"_id": p.ID, "title": old}, p) // want `^ReplaceOne writes back the whole document p read by FindOne, but its filter checks only "title"`
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}

// A version checked but written back as read guards nothing (issue 2: a
// filter field written back unchanged is no guard).
func versionWrittenBack(ctx context.Context, posts *mongo.Collection, id primitive.ObjectID) (bool, error) {
	var p Post
	if err := posts.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return false, err
	}
	p.Title = "edited"
	res, err := posts.ReplaceOne(ctx, bson.M{"_id": p.ID, "__v": p.V}, p) // want `^read-modify-write: ReplaceOne replaces the whole document but its filter matches only "_id", "__v" and it writes "__v" back unchanged`
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}

// The version guard in a bulk replacement and in a $set of the whole
// struct: not stale-write-back.
func versionModel(ctx context.Context, docs *mongo.Collection, id primitive.ObjectID) error {
	var d Doc
	if err := docs.FindOne(ctx, bson.M{"_id": id}).Decode(&d); err != nil {
		return err
	}
	rev := d.Rev
	d.Rev++
	_, err := docs.BulkWrite(ctx, []mongo.WriteModel{&mongo.ReplaceOneModel{Filter: bson.M{"_id": d.ID, "_rev": rev}, Replacement: d}})
	return err
}

func versionSetWhole(ctx context.Context, posts *mongo.Collection, id primitive.ObjectID) (bool, error) {
	var p Post
	if err := posts.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return false, err
	}
	v := p.V
	p.V++
	res, err := posts.UpdateOne(ctx, bson.M{"_id": p.ID, "__v": v}, bson.M{"$set": p})
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}
