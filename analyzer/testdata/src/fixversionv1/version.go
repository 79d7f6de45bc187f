package fixversionv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Profile struct {
	ID      primitive.ObjectID `bson:"_id"`
	Name    string             `bson:"name"`
	Email   string             `bson:"email"`
	Version int                `bson:"version"`
}

var errConflict = errors.New("conflict")

// "Isolate Sequence of Operations": update if current, with a version counter.
func rename(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name string) error {
	var p Profile
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	res, err := c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": bson.M{"name": name, "email": p.Email}}) // want `UpdateOne sets "name", "email"`
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errConflict
	}
	return nil
}

// The write becomes conditional, so the fix checks its result too.
func renameUnchecked(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) (*Profile, error) {
	p := new(Profile)
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(p); err != nil {
		return nil, err
	}
	_, err := c.UpdateOne(ctx, // want `UpdateOne sets "email"`
		bson.D{
			{Key: "_id", Value: p.ID},
		},
		bson.D{
			{Key: "$set", Value: bson.D{{Key: "email", Value: p.Email}}},
			{Key: "$inc", Value: bson.D{{Key: "logins", Value: 1}}},
		})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// The whole struct written back.
func save(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var p Profile
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	p.Name = "x"
	res, err := c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": p}) // want `UpdateOne sets "name", "email", "version"`
	if err != nil {
		return err
	}
	_ = res.ModifiedCount
	return nil
}
