// want package:`puts sessions into requests`

// Package reqsessv1 runs each HTTP request in a session that its
// middleware puts into the request's context (driver v1).
package reqsessv1

import (
	"context"
	"net/http"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type handler func(w http.ResponseWriter, r *http.Request)

func withTxn(client *mongo.Client, next handler) handler {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := client.StartSession()
		if err != nil {
			return
		}
		defer sess.EndSession(r.Context())
		var sctx mongo.SessionContext = mongo.NewSessionContext(r.Context(), sess)
		if err := sctx.StartTransaction(); err != nil {
			return
		}
		req := r.WithContext(sctx)
		next(w, req)
		sctx.CommitTransaction(sctx)
	}
}

func rename(users *mongo.Collection) handler {
	return func(w http.ResponseWriter, r *http.Request) {
		users.UpdateOne(r.Context(), bson.M{"_id": r.FormValue("id")}, bson.M{"$set": bson.M{"name": r.FormValue("name")}})
		users.UpdateOne(context.TODO(), bson.M{"_id": r.FormValue("id")}, bson.M{"$set": bson.M{"name": r.FormValue("name")}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	}
}
