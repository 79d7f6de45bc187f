package namedcasesv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Account struct {
	ID      primitive.ObjectID `bson:"_id"`
	Status  string             `bson:"status"`
	Balance int                `bson:"balance"`
}

// Issue 2, FindOneAndReplace: a replacement changes every field but _id.
func findOneAndReplace(ctx context.Context, c *mongo.Collection, a Account, name string) error {
	c.FindOneAndReplace(ctx, bson.M{"_id": a.ID}, a)                                                      // want `^blind write: FindOneAndReplace replaces the whole document but its filter matches only "_id"`
	c.FindOneAndReplace(ctx, bson.D{{"_id", a.ID}}, bson.M{"_id": a.ID, "balance": 1})                    // want `FindOneAndReplace replaces the whole document but its filter matches only "_id"`
	c.FindOneAndReplace(ctx, bson.M{"_id": a.ID, "name": name}, bson.M{"name": name})                     // want `FindOneAndReplace replaces the whole document but its filter matches only "_id", "name" and it writes "name" back unchanged`
	c.FindOneAndReplace(ctx, bson.M{"_id": a.ID, "status": "OPEN"}, bson.M{"status": "CLOSED"})           // want `^FindOneAndReplace is conditional on "status" but its result is dropped`
	_ = c.FindOneAndReplace(ctx, bson.M{"_id": a.ID, "status": "OPEN"}, bson.M{"status": "CLOSED"}).Err() // want `^FindOneAndReplace is conditional on "status" but the error of Err is dropped`
	var old Account
	if err := c.FindOneAndReplace(ctx, bson.M{"_id": a.ID, "status": "OPEN"}, bson.M{"status": "CLOSED"}).Decode(&old); err != nil {
		return err
	}
	return c.FindOneAndReplace(ctx, bson.M{"_id": a.ID, "balance": a.Balance}, bson.M{"balance": a.Balance + 1}).Err()
}

// Issue 2, update pipelines: a $set or $addFields stage sending a value
// from Go overwrites like $set; a server expression is applied to the
// current document.
func pipelines(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name string, n int) {
	c.UpdateOne(ctx, bson.M{"_id": id}, mongo.Pipeline{{{"$set", bson.D{{"name", name}}}}})        // want `^blind write: UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, []bson.M{{"$set": bson.M{"name": name}}})                  // want `UpdateOne sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, []bson.M{{"$addFields": bson.M{"n": n}}})                  // want `UpdateOne sets "n" but its filter matches only "_id"`
	c.UpdateMany(ctx, bson.M{"owner": name}, []bson.D{{{"$set", bson.D{{"n", n}}}}})               // want `UpdateMany sets "n" but its filter matches only "owner"`
	c.FindOneAndUpdate(ctx, bson.M{"_id": id}, mongo.Pipeline{{{"$set", bson.D{{"name", name}}}}}) // want `FindOneAndUpdate sets "name" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, []bson.M{{"$set": bson.M{"seen": "$$NOW", "qty": bson.M{"$add": bson.A{"$qty", 1}}}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, mongo.Pipeline{{{"$addFields", bson.D{{"total", bson.D{{"$sum", "$items.price"}}}}}}})
	pipe := mongo.Pipeline{{{"$set", bson.D{{"name", name}}}}}
	c.UpdateOne(ctx, bson.M{"_id": id}, pipe) // want `UpdateOne sets "name" but its filter matches only "_id"`
}

// A pipeline that changes a filter field guards the write: by a value
// from Go, by a server expression, or by an $unset stage.
func pipelineGuards(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name, token string, q int) (bool, error) {
	c.UpdateOne(ctx, bson.M{"_id": id, "status": "A"}, []bson.M{{"$set": bson.M{"status": "B", "name": name}}}) // want `^UpdateOne is conditional on "status" but its result is discarded`
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "qty": q}, []bson.M{{"$set": bson.M{"qty": bson.M{"$add": bson.A{"$qty", 1}}, "name": name}}})
	if err != nil || res.MatchedCount == 0 {
		return false, err
	}
	res, err = c.UpdateOne(ctx, bson.M{"_id": id, "token": token}, mongo.Pipeline{{{"$unset", "token"}}, {{"$set", bson.D{{"verified", true}}}}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// Issue 2, write model struct literals in BulkWrite.
func bulkLiterals(ctx context.Context, c *mongo.Collection, a Account, v int) error {
	upsert := true
	_, err := c.BulkWrite(ctx, []mongo.WriteModel{
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID}, Update: bson.M{"$set": bson.M{"balance": a.Balance}}},                 // want `^blind write: UpdateOneModel sets "balance" but its filter matches only "_id"`
		&mongo.UpdateManyModel{Filter: bson.M{"status": "OPEN"}, Update: bson.M{"$set": bson.M{"balance": 0}}},                   // want `UpdateManyModel sets "balance" but its filter matches only "status"`
		&mongo.ReplaceOneModel{Filter: bson.M{"_id": a.ID}, Replacement: a},                                                      // want `ReplaceOneModel replaces the whole document but its filter matches only "_id"`
		&mongo.UpdateOneModel{Upsert: &upsert, Filter: bson.D{{"_id", a.ID}}, Update: bson.D{{"$set", bson.D{{"status", "X"}}}}}, // want `UpdateOneModel sets "status" but its filter matches only "_id"`
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID}, Update: mongo.Pipeline{{{"$set", bson.D{{"balance", a.Balance}}}}}},   // want `UpdateOneModel sets "balance" but its filter matches only "_id"`
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID, "version": v}, Update: bson.M{"$set": bson.M{"balance": 1}, "$inc": bson.M{"version": 1}}},
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID, "status": "OPEN"}, Update: bson.M{"$set": bson.M{"status": "CLOSED"}}},
		&mongo.ReplaceOneModel{Filter: bson.M{"_id": a.ID, "status": "OPEN"}, Replacement: bson.M{"status": "CLOSED"}},
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID}, Update: bson.M{"$inc": bson.M{"balance": 1}}},
	})
	if err != nil {
		return err
	}
	models := []mongo.WriteModel{
		&mongo.UpdateOneModel{Filter: bson.M{"_id": a.ID}, Update: bson.M{"$set": bson.M{"balance": a.Balance}}}, // want `UpdateOneModel sets "balance" but its filter matches only "_id"`
	}
	_, err = c.BulkWrite(ctx, models)
	return err
}
