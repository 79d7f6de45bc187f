package reach

import (
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type doc struct {
	ID   bson.ObjectID `bson:"_id"`
	Name string        `bson:"name"`
}

// Models set up by statements, in a loop, appended to a slice.
func modelsInLoop(docs []doc, upsert bool) []mongo.WriteModel {
	var models []mongo.WriteModel
	for _, d := range docs {
		w := mongo.NewReplaceOneModel() // want `ReplaceOneModel replaces the whole document but its filter matches only "_id"`
		w.SetFilter(bson.M{"_id": d.ID})
		w.SetReplacement(d)
		if upsert {
			w.SetUpsert(true)
		}
		models = append(models, w)
	}
	for _, d := range docs {
		u := mongo.NewUpdateOneModel().SetUpsert(true) // want `UpdateOneModel sets "name" but its filter matches only "_id"`
		u.SetFilter(bson.M{"_id": d.ID}).SetUpdate(bson.M{"$set": bson.M{"name": d.Name}})
		models = append(models, u)
	}
	return models
}

// A guarded model, and models whose setters are not each called once.
func modelsNotRead(id bson.ObjectID, v int, cond bool) []mongo.WriteModel {
	g := mongo.NewUpdateOneModel()
	g.SetFilter(bson.M{"_id": id, "v": v})
	g.SetUpdate(bson.M{"$set": bson.M{"a": 1}, "$inc": bson.M{"v": 1}})

	twice := mongo.NewUpdateOneModel()
	twice.SetFilter(bson.M{"_id": id})
	if cond {
		twice.SetFilter(bson.M{"_id": id, "v": v})
	}
	twice.SetUpdate(bson.M{"$set": bson.M{"v": 2}})

	reassigned := mongo.NewUpdateOneModel()
	reassigned.SetFilter(bson.M{"_id": id})
	reassigned = mongo.NewUpdateOneModel()
	reassigned.SetUpdate(bson.M{"$set": bson.M{"a": 1}})
	return []mongo.WriteModel{g, twice, reassigned}
}
