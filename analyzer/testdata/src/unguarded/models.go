package unguarded

import (
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func bulkModels(id bson.ObjectID, v int) []mongo.WriteModel {
	m := mongo.NewUpdateOneModel() // want `UpdateOneModel sets "a" but its filter matches only "_id"`
	m.SetFilter(bson.M{"_id": id}) // set piecemeal: read all the same
	return []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"a": 1}}),                  // want `UpdateOneModel sets "a" but its filter matches only "_id"`
		mongo.NewUpdateManyModel().SetUpsert(true).SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"a": 1}}), // want `UpdateManyModel sets "a" but its filter matches only "_id"`
		mongo.NewReplaceOneModel().SetFilter(bson.M{"_id": id}).SetReplacement(bson.M{"a": 1}),                            // want `ReplaceOneModel replaces the whole document but its filter matches only "_id"`
		&mongo.UpdateOneModel{Filter: bson.M{"_id": id}, Update: bson.M{"$set": bson.M{"a": 1}}},                          // want `UpdateOneModel sets "a" but its filter matches only "_id"`
		&mongo.ReplaceOneModel{Filter: bson.M{"_id": id}, Replacement: bson.M{"a": 1}},                                    // want `ReplaceOneModel replaces the whole document`
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id, "v": v}).SetUpdate(bson.M{"$set": bson.M{"a": 1}, "$inc": bson.M{"v": 1}}),
		m.SetUpdate(bson.M{"$set": bson.M{"a": 1}}),
	}
}

func clientModels(id bson.ObjectID) []mongo.ClientBulkWrite {
	return []mongo.ClientBulkWrite{
		{Database: "db", Collection: "c", Model: &mongo.ClientUpdateOneModel{Filter: bson.M{"_id": id}, Update: bson.M{"$set": bson.M{"a": 1}}}}, // want `ClientUpdateOneModel sets "a"`
		{Database: "db", Collection: "c", Model: mongo.NewClientUpdateManyModel().SetFilter(bson.M{}).SetUpdate(bson.M{"$set": bson.M{"a": 1}})}, // want `ClientUpdateManyModel sets "a" but its filter matches any document`
		{Database: "db", Collection: "c", Model: mongo.NewClientReplaceOneModel().SetFilter(bson.M{"_id": id}).SetReplacement(bson.M{"a": 1})},   // want `ClientReplaceOneModel replaces the whole document`
		{Database: "db", Collection: "c", Model: &mongo.ClientUpdateOneModel{Filter: bson.M{"_id": id, "a": 0}, Update: bson.M{"$set": bson.M{"a": 1}}}},
	}
}
